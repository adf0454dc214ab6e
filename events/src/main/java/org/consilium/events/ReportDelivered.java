package org.consilium.events;

import java.time.Instant;

public record ReportDelivered(String caseId, String commandId, Instant deliveredAt) implements CaseMessage {
}
