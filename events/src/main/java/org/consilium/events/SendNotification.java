package org.consilium.events;

import java.util.Map;

/** Command to notification-service: render the purpose's template and deliver it once. */
public record SendNotification(String caseId, Recipient recipient, NotificationPurpose purpose,
                               Map<String, String> parameters) implements CaseMessage {
    public SendNotification {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
