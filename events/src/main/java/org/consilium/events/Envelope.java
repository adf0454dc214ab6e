package org.consilium.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A payload with its CloudEvents attributes. {@code id} is what consumers deduplicate on, so a
 * command re-sent after a crash must carry the same id: derive it with {@link #derivedId}.
 */
public record Envelope(String id, MessageType type, String source, String caseId, Instant time, String traceparent,
                       CaseMessage payload) {

    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(payload, "payload");
        // CloudEvents time has millisecond precision on the wire in practice; keep equality stable.
        time = time.truncatedTo(ChronoUnit.MILLIS);
    }

    public static Envelope of(CaseMessage payload, String id, String source, Instant time) {
        return new Envelope(id, MessageType.of(payload), source, payload.caseId(), time, null, payload);
    }

    /** The same envelope as sent from within another span (the id stays: it is what consumers deduplicate on). */
    public Envelope withTraceparent(String traceparent) {
        return new Envelope(id, type, source, caseId, time, traceparent, payload);
    }

    public <T extends CaseMessage> T payload(Class<T> type) {
        return type.cast(payload);
    }

    /** A stable id from the parts that identify one logical send, e.g. process instance and activity. */
    public static String derivedId(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
