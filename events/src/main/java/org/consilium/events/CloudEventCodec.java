package org.consilium.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Envelope to Kafka record and back, in CloudEvents 1.0 binary mode: attributes in {@code ce_*}
 * headers, the JSON payload as the record value, the case id as the key.
 */
public final class CloudEventCodec {
    public static final String TRACEPARENT = "traceparent";

    private CloudEventCodec() {
    }

    /** One record per topic of the type (a command such as CancelCase goes to several services). */
    public static List<ProducerRecord<String, byte[]>> toRecords(Envelope envelope) {
        return envelope.type().topics().stream().map(topic -> toRecord(envelope, topic)).toList();
    }

    public static ProducerRecord<String, byte[]> toRecord(Envelope envelope, String topic) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(envelope.id())
                .withType(envelope.type().ceType())
                .withSource(URI.create(envelope.source()))
                .withSubject(envelope.caseId())
                .withTime(envelope.time().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(Json.write(envelope.payload()));
        if (envelope.traceparent() != null) {
            builder.withExtension(TRACEPARENT, envelope.traceparent());
        }
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(topic, key(envelope))
                .writeBinary(builder.build());
        if (envelope.traceparent() != null) {
            // ce_traceparent says where the event was written; the plain W3C header is what Kafka tracing
            // instrumentation (the binder's consumer observation) continues a trace from, so both carry it
            record.headers().add(TRACEPARENT, envelope.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /**
     * The record's key, which picks its partition: the case, so that a case's messages are read in the order they were
     * written. The one exception is a panel's fan-out: a specialist's invitation ({@link NotificationPurpose#FANNED_OUT})
     * is keyed by its case and its recipient, so that a panel's invitations (one command each, written together) spread
     * over the partitions and are sent side by side (issue 16). Every other mail of a case, to whomever, keeps the
     * case's order. The recipient's part is a digest of the address, which the record's value carries anyway; the
     * case stays the record's subject ({@code ce_subject}).
     */
    public static String key(Envelope envelope) {
        if (envelope.payload() instanceof SendNotification notification
                && NotificationPurpose.FANNED_OUT.contains(notification.purpose()) && notification.recipient() != null
                && notification.recipient().email() != null && !notification.recipient().email().isBlank()) {
            return envelope.caseId() + "/" + digest(notification.recipient().email().strip().toLowerCase(Locale.ROOT));
        }
        return envelope.caseId();
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public static Envelope read(Headers headers, byte[] value) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(headers, value).toEvent();
        } catch (CloudEventRWException | IllegalStateException e) {
            throw new UnreadableMessageException("not a CloudEvents binary-mode record: " + e.getMessage(), e);
        }
        MessageType type = MessageType.fromCeType(event.getType())
                .orElseThrow(() -> new UnreadableMessageException("unknown ce_type " + event.getType()));
        if (event.getData() == null || event.getSubject() == null || event.getTime() == null) {
            throw new UnreadableMessageException(type.ceType() + " without data, subject or time");
        }
        CaseMessage payload = Json.read(event.getData().toBytes(), type.payloadType());
        List<String> missing = RequiredParts.missing(payload);
        if (!missing.isEmpty()) {
            throw new UnreadableMessageException(type.ceType() + " without " + String.join(", ", missing));
        }
        if (!event.getSubject().equals(payload.caseId())) {
            throw new UnreadableMessageException("ce_subject " + event.getSubject() + " differs from payload case id");
        }
        Object traceparent = event.getExtension(TRACEPARENT);
        return new Envelope(event.getId(), type, event.getSource().toString(), event.getSubject(),
                event.getTime().toInstant(), traceparent == null ? null : traceparent.toString(), payload);
    }

    /**
     * Reads from message headers as a messaging framework hands them over (Spring Cloud Stream
     * passes unmapped Kafka headers as {@code byte[]}, mapped ones as {@code String}).
     */
    public static Envelope read(Map<String, ?> messageHeaders, byte[] value) {
        Headers headers = new RecordHeaders();
        messageHeaders.forEach((name, headerValue) -> {
            if (name.startsWith("ce_") || name.equals("content-type") || name.equals(TRACEPARENT)) {
                if (headerValue instanceof byte[] bytes) {
                    headers.add(name, bytes);
                } else if (headerValue != null) {
                    headers.add(name, headerValue.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
        });
        return read(headers, value);
    }
}
