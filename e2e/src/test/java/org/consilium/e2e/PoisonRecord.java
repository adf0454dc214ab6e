package org.consilium.e2e;

import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A record no consumer can apply, keyed like a case's record so that it sits in a case's partition, and tagged
 * with a {@link #PROBE} header (kept on its dead letters) so the test finds it again wherever it ends.
 *
 * @param kind  what is wrong with it
 * @param topic where it is sent
 * @param key   a fresh case id, never a real case's
 * @param probe this record's own tag
 */
record PoisonRecord(Kind kind, String topic, String key, String probe) {
    static final String PROBE = "x-consilium-poison-probe";

    /** What is wrong with a poison record, and what its dead letter's {@code x-exception-message} says of it. */
    enum Kind {
        /** Bytes that are not JSON and no CloudEvents headers: a stranger's producer. */
        NOT_JSON("not a CloudEvents binary-mode record"),
        /** A well-formed binary-mode CloudEvent of a type the topic carries, whose JSON does not fit the type. */
        PAYLOAD_UNFIT_FOR_TYPE("payload is not a valid "),
        /**
         * A well-formed CloudEvent of a type the topic carries, valid JSON of the right shape, lacking what every
         * consumer needs (a case submitted with no cancer type, a meeting with no time): refused, not applied with a hole.
         */
        MISSING_PARTS(" without "),
        /** A well-formed CloudEvent of a type no Consilium release has, e.g. a newer producer's. */
        UNKNOWN_TYPE("unknown ce_type org.consilium.case.CaseTeleported.v1");

        final String complaint;

        Kind(String complaint) {
            this.complaint = complaint;
        }
    }

    /** For each topic, a type it really carries (the wire contract: events' MessageType). */
    private static final Map<String, String> TYPE_ON = Map.of(
            StackConsumer.CASE_EVENTS, "org.consilium.case.CaseSubmitted.v1",
            StackConsumer.RECORDS_COMMANDS, "org.consilium.records.RequestRecords.v1",
            StackConsumer.RECORDS_EVENTS, "org.consilium.records.RecordsCompleted.v1",
            StackConsumer.MDT_COMMANDS, "org.consilium.mdt.ScheduleReview.v1",
            StackConsumer.MDT_EVENTS, "org.consilium.mdt.MdtScheduled.v1",
            StackConsumer.NOTIFICATION_COMMANDS, "org.consilium.notification.SendNotification.v1",
            StackConsumer.NOTIFICATION_EVENTS, "org.consilium.notification.NotificationDelivered.v1",
            StackConsumer.CASE_FAILURES, "org.consilium.case.CaseStepFailed.v1");

    ProducerRecord<byte[], byte[]> toRecord() {
        if (kind == Kind.NOT_JSON) {
            // not UTF-8 either: a NUL, a lone continuation byte, a stray high byte
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, bytes(key),
                    new byte[]{0, (byte) 0x80, (byte) 0xff, 'p', 'o', 'i', 's', 'o', 'n', '{'});
            record.headers().add(PROBE, bytes(probe));
            return record;
        }
        String type = kind == Kind.UNKNOWN_TYPE ? "org.consilium.case.CaseTeleported.v1" : TYPE_ON.get(topic);
        String json = kind == Kind.MISSING_PARTS
                ? "{\"caseId\": \"" + key + "\", \"note\": \"nothing but the case id\"}"
                : "{\"caseId\": [\"" + key + "\"], \"note\": \"a list where a case id belongs\"}";
        ProducerRecord<byte[], byte[]> record = cloudEvent(topic, null, key, type, json);
        record.headers().add(PROBE, bytes(probe));
        return record;
    }

    /** CloudEvents 1.0 binary mode, as the services' CloudEventCodec writes it: attributes as ce_* headers. */
    static ProducerRecord<byte[], byte[]> cloudEvent(String topic, Integer partition, String caseId, String type,
                                                    String json) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition, bytes(caseId), bytes(json));
        record.headers().add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(UUID.randomUUID().toString()))
                .add("ce_type", bytes(type))
                .add("ce_source", bytes("/consilium/e2e-poison"))
                .add("ce_subject", bytes(caseId))
                .add("ce_time", bytes(Instant.now().toString()))
                .add("content-type", bytes("application/json"));
        return record;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
