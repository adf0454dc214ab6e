package org.consilium.events;

import java.time.Instant;

public record NotificationDelivered(String caseId, String commandId, NotificationPurpose purpose, Instant deliveredAt)
        implements CaseMessage {
}
