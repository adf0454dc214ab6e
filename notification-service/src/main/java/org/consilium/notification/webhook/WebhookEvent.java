package org.consilium.notification.webhook;

import org.consilium.notification.delivery.DeliveryPurpose;

import java.time.Instant;
import java.util.Map;

/** A notification command as the webhook channel sees it: no recipient, no clinical report text. */
public record WebhookEvent(String commandId, String caseId, DeliveryPurpose purpose, Map<String, String> parameters,
                           Instant occurredAt) {

    public WebhookEvent {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
