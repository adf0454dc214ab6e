package org.consilium.notification.delivery;

import org.consilium.events.CaseMessage;
import org.consilium.events.Envelope;
import org.consilium.events.Json;
import org.consilium.events.MessageType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The command a delivery answers, kept in its Delivery document so the scheduled job can render and
 * send the email after the Kafka message was acknowledged: when it was deferred, or when an operator
 * asked for an UNCONFIRMED email to be re-sent. Its {@code traceparent} is the command's trace (ADR 19): the job
 * runs in none, so what it sends and records (NotificationDelivered) continues the command's trace from here.
 */
public record DeferredCommand(MessageType type, String source, Instant time, String payload, String traceparent) {

    static DeferredCommand of(Envelope command) {
        return new DeferredCommand(command.type(), command.source(), command.time(),
                new String(Json.write(command.payload()), StandardCharsets.UTF_8), command.traceparent());
    }

    Envelope envelope(String id) {
        CaseMessage message = Json.read(payload.getBytes(StandardCharsets.UTF_8), type.payloadType());
        return new Envelope(id, type, source, message.caseId(), time, traceparent, message);
    }
}
