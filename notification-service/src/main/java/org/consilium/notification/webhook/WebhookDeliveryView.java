package org.consilium.notification.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import org.consilium.notification.delivery.DeliveryPurpose;

import java.time.Instant;

/** One event's post to one subscriber, with its attempts, as ops see it. */
public record WebhookDeliveryView(
        @Schema(description = "Also the Consilium-Webhook-Id header and the body's id") String id,
        String subscriptionId,
        String url,
        String caseId,
        @Schema(description = "The notification command (and email delivery id) this event answers") String commandId,
        DeliveryPurpose purpose,
        WebhookState state,
        @Schema(description = "HTTP attempts made") int attempts,
        @Schema(description = "When the next attempt is due (PENDING only)") Instant nextAttemptAt,
        Instant lastAttemptAt,
        @Schema(description = "HTTP status of the last attempt; absent when there was no answer") Integer lastStatus,
        String lastError,
        Instant deliveredAt,
        Instant createdAt) {

    static WebhookDeliveryView of(WebhookDelivery d) {
        return new WebhookDeliveryView(d.id(), d.subscriptionId(), d.url(), d.caseId(), d.commandId(), d.purpose(), d.state(),
                d.attempts(), d.nextAttemptAt().orElse(null), d.lastAttemptAt().orElse(null), d.lastStatus().orElse(null),
                d.lastError().orElse(null), d.deliveredAt().orElse(null), d.createdAt());
    }
}
