package org.consilium.events;

import java.time.Instant;

/** Command to records-service: build the checklist for this case and start collecting. */
public record RequestRecords(String caseId, @Required String cancerType, @Required Urgency urgency, @Required Instant dueBy) implements CaseMessage {
}
