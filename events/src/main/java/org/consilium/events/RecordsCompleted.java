package org.consilium.events;

import java.time.Instant;

/** Every required checklist item has a document. */
public record RecordsCompleted(String caseId, int documentCount, @Required Instant completedAt) implements CaseMessage {
}
