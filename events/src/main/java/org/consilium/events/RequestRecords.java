package org.consilium.events;

import java.time.Instant;

/** Command to records-service: build the checklist for this case and start collecting. */
public record RequestRecords(String caseId, String cancerType, Urgency urgency, Instant dueBy) implements CaseMessage {
}
