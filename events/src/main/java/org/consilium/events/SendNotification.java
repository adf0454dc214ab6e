package org.consilium.events;

import java.util.Map;

/**
 * Command to notification-service: render the purpose's template and deliver it once. Either a named
 * {@code recipient} (a panel member, whoever asked a follow-up question), or no recipient and an
 * {@code audience}: then notification-service sends it to the people of that role on the case (added in
 * v1, additively: older commands always name their recipient).
 */
public record SendNotification(String caseId, Recipient recipient, @Required NotificationPurpose purpose,
                               Map<String, String> parameters, NotificationAudience audience) implements CaseMessage {
    public SendNotification {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** To a named recipient. */
    public SendNotification(String caseId, Recipient recipient, NotificationPurpose purpose, Map<String, String> parameters) {
        this(caseId, recipient, purpose, parameters, null);
    }

    /** To the people of a role on the case, whom notification-service knows and the sender does not. */
    public static SendNotification to(String caseId, NotificationAudience audience, NotificationPurpose purpose,
                                      Map<String, String> parameters) {
        return new SendNotification(caseId, null, purpose, parameters, audience);
    }
}
