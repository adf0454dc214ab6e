package org.consilium.events;

import java.time.Instant;

public record NotificationDelivered(String caseId, @Required String commandId, @Required NotificationPurpose purpose, @Required Instant deliveredAt)
        implements CaseMessage {
}
