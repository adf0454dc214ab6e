package org.consilium.support.parking;

import org.consilium.events.CaseMessage;
import org.consilium.events.Envelope;
import org.consilium.events.Json;
import org.consilium.events.MessageType;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A message kept until the event it waits for has been applied ({@link ParkedMessages}). The payload is sealed at
 * rest (it may name people); the rest is what the envelope's headers said, so the message is applied, or
 * dead-lettered, as it came.
 *
 * @param id          the binding and the message's id: a redelivered message is parked once
 * @param binding     the consumer's binding ({@code notificationCommands-in-0}), whose handler applies it
 * @param caseId      its case
 * @param awaited     the event it waits for, or "an earlier message of its case" when parked behind one
 * @param reason      why it could not be applied, last time it was tried
 * @param parkedAt    when it was parked: messages of one case are applied in this order
 * @param messageId   the envelope's id (its idempotency key downstream)
 * @param type        the envelope's type
 * @param source      the envelope's source
 * @param time        the envelope's time
 * @param traceparent the envelope's trace, continued when it is applied
 * @param payload     the envelope's payload as JSON (sealed)
 */
@Document(ParkedMessage.COLLECTION)
@CompoundIndex(name = "case_in_order", def = "{'binding': 1, 'caseId': 1, 'parkedAt': 1}")
// a case's parked messages over every binding, oldest first (ParkedMessages.parkedFor): the index above needs the binding
@CompoundIndex(name = "case_parked", def = "{'caseId': 1, 'parkedAt': 1}")
public record ParkedMessage(@Id String id, String binding, String caseId, String awaited, String reason,
                            Instant parkedAt, String messageId, MessageType type, String source, Instant time,
                            String traceparent, String payload) {
    static final String COLLECTION = "parkedMessages";
    static final String BEHIND_EARLIER = "an earlier message of its case";

    static ParkedMessage of(String binding, Envelope envelope, String awaited, String reason, Instant now) {
        return new ParkedMessage(binding + "/" + envelope.id(), binding, envelope.caseId(), awaited, reason, now,
                envelope.id(), envelope.type(), envelope.source(), envelope.time(), envelope.traceparent(),
                new String(Json.write(envelope.payload()), StandardCharsets.UTF_8));
    }

    /** The message again, as the consumer had it. */
    public Envelope envelope() {
        CaseMessage message = Json.read(payload.getBytes(StandardCharsets.UTF_8), type.payloadType());
        return new Envelope(messageId, type, source, caseId, time, traceparent, message);
    }

    ParkedMessage tried(String awaitedNow, String reasonNow) {
        return new ParkedMessage(id, binding, caseId, awaitedNow, reasonNow, parkedAt, messageId, type, source, time,
                traceparent, payload);
    }
}
