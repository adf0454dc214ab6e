package org.consilium.notification.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import org.consilium.notification.delivery.DeliveryPurpose;

import java.time.Instant;
import java.util.Set;

/** A subscription as the API shows it: never with its secret. */
public record WebhookSubscriptionView(String id, String url, String description,
                                      @Schema(description = "Only these purposes; empty for all") Set<DeliveryPurpose> purposes,
                                      Instant createdAt) {

    static WebhookSubscriptionView of(WebhookSubscription s) {
        return new WebhookSubscriptionView(s.id(), s.url(), s.description(), s.purposes(), s.createdAt());
    }
}
