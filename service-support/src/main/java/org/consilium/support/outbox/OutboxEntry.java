package org.consilium.support.outbox;

import org.consilium.events.CaseMessage;
import org.consilium.events.Envelope;
import org.consilium.events.Json;
import org.consilium.events.MessageType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting to be published, stored inside the aggregate document it came from. Written
 * in the same single-document update as the state change, because the embedded store has no
 * multi-document transactions: that is what makes "no event without its change" hold.
 * {@code traceparent} is the span that wrote it (the request or the consumed event that caused it): the domain
 * leaves it null and the store mapping fills it in at the write (SealedFieldConverters, ADR 19), so that the relay,
 * whenever it runs, sends the event on in the trace it belongs to.
 */
public record OutboxEntry(String eventId, MessageType type, String caseId, Instant time, String payload,
                          String traceparent) {

    public static OutboxEntry of(CaseMessage message, Instant now) {
        return of(message, UUID.randomUUID().toString(), now);
    }

    /** With a caller-chosen id, for events whose identity is derived from the command they answer. */
    public static OutboxEntry of(CaseMessage message, String eventId, Instant now) {
        return new OutboxEntry(eventId, MessageType.of(message), message.caseId(), now,
                new String(Json.write(message), StandardCharsets.UTF_8), null);
    }

    /**
     * In the trace given (when there is one), not the span current at the write: for an event written by a job,
     * which has none, on behalf of a message that came earlier in a trace it kept.
     */
    public OutboxEntry inTrace(String traceparent) {
        return traceparent == null ? this : new OutboxEntry(eventId, type, caseId, time, payload, traceparent);
    }

    public Envelope toEnvelope(String source) {
        CaseMessage message = Json.read(payload.getBytes(StandardCharsets.UTF_8), type.payloadType());
        return new Envelope(eventId, type, source, caseId, time, traceparent, message);
    }
}
