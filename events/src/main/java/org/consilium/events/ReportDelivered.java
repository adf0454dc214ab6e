package org.consilium.events;

import java.time.Instant;

public record ReportDelivered(String caseId, @Required String commandId, @Required Instant deliveredAt) implements CaseMessage {
}
