package org.consilium.events;

import java.time.Instant;

/** A document was stored for a checklist item. Content never travels on Kafka, only its fingerprint. */
public record DocumentReceived(String caseId, @Required String documentId, @Required String checklistItem, String contentType, long size,
                               String sha256, @Required Instant receivedAt) implements CaseMessage {
}
