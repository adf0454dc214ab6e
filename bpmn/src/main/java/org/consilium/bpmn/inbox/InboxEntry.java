package org.consilium.bpmn.inbox;

import org.consilium.events.Envelope;
import org.consilium.events.Json;
import org.consilium.events.MessageType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** One stored incoming event, as the inbox table holds it. */
public record InboxEntry(String envelopeId, long seq, String caseId, MessageType type, String source,
                         Instant eventTime, String traceparent, String payload, Instant receivedAt,
                         InboxStatus status, int attempts, int failures, Instant nextAttemptAt, Instant expiresAt,
                         Instant finishedAt, String lastError) {

    public Envelope toEnvelope() {
        return new Envelope(envelopeId, type, source, caseId, eventTime, traceparent,
                Json.read(payload.getBytes(StandardCharsets.UTF_8), type.payloadType()));
    }
}
