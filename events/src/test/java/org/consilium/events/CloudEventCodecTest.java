package org.consilium.events;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventCodecTest {

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void everyTypeRoundTripsThroughKafkaBinaryMode(MessageType type) {
        Envelope sent = new Envelope("id-" + type, type, "/consilium/test", SamplePayloads.CASE, SamplePayloads.AT,
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", SamplePayloads.of(type));

        for (ProducerRecord<String, byte[]> record : CloudEventCodec.toRecords(sent)) {
            // the case's partition; a panel's invitation adds a digest of the address (below)
            assertThat(record.key()).isEqualTo(CloudEventCodec.key(sent)).startsWith(SamplePayloads.CASE);
            assertThat(header(record, "ce_type")).isEqualTo(type.ceType());
            assertThat(header(record, "ce_subject")).isEqualTo(SamplePayloads.CASE);
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_id")).isEqualTo("id-" + type);
            assertThat(header(record, "ce_source")).isEqualTo("/consilium/test");
            assertThat(header(record, "ce_time")).startsWith("2026-11-25T10:15:30.123");
            assertThat(header(record, "ce_traceparent")).isEqualTo(sent.traceparent());
            assertThat(header(record, "traceparent")).as("the W3C header Kafka tracing continues from")
                    .isEqualTo(sent.traceparent());

            Envelope received = CloudEventCodec.read(record.headers(), record.value());
            assertThat(received).isEqualTo(sent);
        }
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void typeNamesCarryContextNameAndVersion(MessageType type) {
        assertThat(type.ceType()).matches("org\\.consilium\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v\\d+");
        assertThat(MessageType.fromCeType(type.ceType())).contains(type);
        assertThat(type.topics()).isNotEmpty().allMatch(Topics.ALL::contains);
    }

    @Test
    void traceparentIsParsedOnlyWhenItIsAW3cOne() {
        Traceparent parsed = Traceparent.parse("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").orElseThrow();
        assertThat(parsed.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(parsed.sampled()).isTrue();
        assertThat(parsed).hasToString("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(Traceparent.parse("00-00000000000000000000000000000000-b7ad6b7169203331-01")).isEmpty();
        assertThat(Traceparent.parse("garbage")).isEmpty();
        assertThat(Traceparent.parse(null)).isEmpty();
    }

    /**
     * A case's messages share its key (one partition, read in order); a specialist's invitation is keyed by case and
     * recipient, so a panel's invitations spread over the partitions, and no address is in the key.
     */
    @Test
    void aCaseIsItsMessagesKeyButAPanelsInvitationsAreKeyedByRecipientToo() {
        Envelope completed = Envelope.of(SamplePayloads.of(MessageType.RECORDS_COMPLETED), "x", "/consilium/test",
                SamplePayloads.AT);
        assertThat(CloudEventCodec.toRecord(completed, Topics.RECORDS_EVENTS).key()).isEqualTo(completed.caseId());

        Map<String, String> invited = new HashMap<>();
        for (String email : new String[] {"dr.tan@example.org", "Dr.Tan@Example.org ", "dr.hughes@example.org"}) {
            Envelope invitation = Envelope.of(new SendNotification("case-7", new Recipient("Dr", email, "en"),
                    NotificationPurpose.MDT_INVITATION, Map.of()), "id-" + email, "/consilium/test", SamplePayloads.AT);
            String key = CloudEventCodec.toRecord(invitation, Topics.NOTIFICATION_COMMANDS).key();
            assertThat(key).startsWith("case-7/").doesNotContain("tan", "hughes", "example");
            invited.put(email, key);
        }
        assertThat(invited.get("dr.tan@example.org")).as("the same address, however written")
                .isEqualTo(invited.get("Dr.Tan@Example.org "));
        assertThat(invited.get("dr.tan@example.org")).isNotEqualTo(invited.get("dr.hughes@example.org"));

        Envelope toThePatient = Envelope.of(new SendNotification("case-7", new Recipient("Siti", "siti@example.org", "id"),
                NotificationPurpose.FOLLOW_UP_ANSWERED, Map.of()), "answer", "/consilium/test", SamplePayloads.AT);
        assertThat(CloudEventCodec.toRecord(toThePatient, Topics.NOTIFICATION_COMMANDS).key())
                .as("any other mail keeps the case's order, named recipient or not").isEqualTo("case-7");
    }

    @Test
    void noTraceparentNoHeaders() {
        ProducerRecord<String, byte[]> record = CloudEventCodec.toRecord(Envelope.of(
                SamplePayloads.of(MessageType.RECORDS_COMPLETED), "x", "/consilium/test", SamplePayloads.AT),
                Topics.RECORDS_EVENTS);
        assertThat(record.headers().lastHeader("traceparent")).isNull();
        assertThat(record.headers().lastHeader("ce_traceparent")).isNull();
    }

    @Test
    void readsHeadersAsAMessagingFrameworkHandsThemOver() {
        Envelope sent = Envelope.of(SamplePayloads.of(MessageType.RECORDS_COMPLETED), "x", "/consilium/test",
                SamplePayloads.AT);
        ProducerRecord<String, byte[]> record = CloudEventCodec.toRecord(sent, Topics.RECORDS_EVENTS);
        Map<String, Object> headers = new HashMap<>();
        for (Header h : record.headers()) {
            // mix of raw bytes and decoded strings, as Spring Cloud Stream's header mapper produces
            headers.put(h.key(), h.key().equals("ce_id") ? new String(h.value(), StandardCharsets.UTF_8) : h.value());
        }
        headers.put("kafka_receivedTopic", Topics.RECORDS_EVENTS);

        assertThat(CloudEventCodec.read(headers, record.value())).isEqualTo(sent);
    }

    @Test
    void unknownTypeIsUnreadable() {
        Envelope sent = Envelope.of(SamplePayloads.of(MessageType.CASE_WITHDRAWN), "x", "/consilium/test",
                SamplePayloads.AT);
        ProducerRecord<String, byte[]> record = CloudEventCodec.toRecord(sent, Topics.CASE_EVENTS);
        record.headers().remove("ce_type");
        record.headers().add("ce_type", "org.consilium.case.CaseExploded.v1".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CloudEventCodec.read(record.headers(), record.value()))
                .isInstanceOf(UnreadableMessageException.class).hasMessageContaining("CaseExploded");
    }

    @Test
    void plainRecordWithoutEnvelopeIsUnreadable() {
        assertThatThrownBy(() -> CloudEventCodec.read(new RecordHeaders(), "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableMessageException.class);
    }

    @Test
    void subjectMustMatchThePayloadsCase() {
        Envelope sent = Envelope.of(SamplePayloads.of(MessageType.CASE_WITHDRAWN), "x", "/consilium/test",
                SamplePayloads.AT);
        ProducerRecord<String, byte[]> record = CloudEventCodec.toRecord(sent, Topics.CASE_EVENTS);
        record.headers().remove("ce_subject");
        record.headers().add("ce_subject", "another-case".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CloudEventCodec.read(record.headers(), record.value()))
                .isInstanceOf(UnreadableMessageException.class).hasMessageContaining("another-case");
    }

    @Test
    void aMessageWithoutWhatItsConsumersCannotDoWithoutIsUnreadableAndNamesWhatIsMissing() {
        Envelope sent = Envelope.of(SamplePayloads.of(MessageType.CASE_SUBMITTED), "x", "/consilium/test", SamplePayloads.AT);
        ProducerRecord<String, byte[]> record = CloudEventCodec.toRecord(sent, Topics.CASE_EVENTS);
        byte[] onlyTheCase = ("{\"caseId\": \"" + SamplePayloads.CASE + "\", \"country\": \"DE\"}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CloudEventCodec.read(record.headers(), onlyTheCase))
                .isInstanceOf(UnreadableMessageException.class)
                .hasMessage(MessageType.CASE_SUBMITTED.ceType() + " without cancerType, submittedAt");
    }

    @Test
    void aRequiredPartSentAsNullIsMissingToo() {
        Envelope sent = Envelope.of(SamplePayloads.of(MessageType.MDT_SCHEDULED), "x", "/consilium/test", SamplePayloads.AT);
        ProducerRecord<String, byte[]> record = CloudEventCodec.toRecord(sent, Topics.MDT_EVENTS);
        byte[] noTime = ("{\"caseId\": \"" + SamplePayloads.CASE + "\", \"sessionId\": \"s-1\", \"sessionStartsAt\": null}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CloudEventCodec.read(record.headers(), noTime))
                .isInstanceOf(UnreadableMessageException.class).hasMessageEndingWith(" without sessionStartsAt");
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void everyMarkedPartIsAReferenceTypeSoThatItsAbsenceCanBeSeen(MessageType type) {
        java.util.Arrays.stream(type.payloadType().getRecordComponents())
                .filter(component -> component.isAnnotationPresent(Required.class))
                .forEach(component -> assertThat(component.getType().isPrimitive()).as(component.getName()).isFalse());
    }

    @Test
    void derivedIdsAreStable() {
        assertThat(Envelope.derivedId("pi-1", "RequestRecords")).isEqualTo(Envelope.derivedId("pi-1", "RequestRecords"))
                .isNotEqualTo(Envelope.derivedId("pi-2", "RequestRecords"));
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
