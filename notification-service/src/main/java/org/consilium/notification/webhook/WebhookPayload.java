package org.consilium.notification.webhook;

import org.consilium.events.Json;
import org.consilium.notification.delivery.DeliveryPurpose;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * The JSON body posted to a subscriber. Written once when the webhook delivery is created and stored,
 * so every attempt signs and sends the very same bytes.
 *
 * @param id         the webhook delivery id (also in the {@code Consilium-Webhook-Id} header): de-duplicate on it
 * @param type       {@value #TYPE}; a breaking change gets a new version
 * @param commandId  the notification command this answers (the email's delivery id)
 * @param parameters the command's template parameters; the report's content is never included
 */
record WebhookPayload(String id, String type, String caseId, String commandId, DeliveryPurpose purpose,
                      Map<String, String> parameters, Instant occurredAt) {
    static final String TYPE = "org.consilium.notification.Notification.v1";

    static String json(String id, WebhookEvent event) {
        WebhookPayload payload = new WebhookPayload(id, TYPE, event.caseId(), event.commandId(), event.purpose(),
                event.parameters(), event.occurredAt());
        return new String(Json.write(payload), StandardCharsets.UTF_8);
    }
}
