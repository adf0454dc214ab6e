package org.consilium.console.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.consilium.console.errors.BadInput;
import org.consilium.events.MessageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The dead-letter desk against a real broker (KRaft, in this JVM) and a MongoDB-wire store: dead letters listed with
 * their case, type, origin and error (never their content), replayed to the topic they came from without the
 * failure's headers and with their event id (so consumers apply them once), recorded with who and why, never sent
 * twice from here; a discard needs a reason; a record of any other topic is refused.
 */
class DeadLetterDeskTest {
    private static final String ORIGINAL = "consilium.mdt.commands";
    private static final String DEAD = "error.consilium.mdt.commands.mdt-scheduler";
    private static final Instant NOW = Instant.parse("2026-12-06T20:00:00Z");
    private static EmbeddedKafkaKraftBroker kafka;
    private static MongoServer mongo;
    private static MongoClient client;
    private static DeadLetterDesk desk;

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafkaKraftBroker(1, 3, ORIGINAL, DEAD, "consilium.case.events");
        kafka.afterPropertiesSet();
        mongo = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        mongo.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort());
        desk = new DeadLetterDesk(new DeadLetterTopics(kafka.getBrokersAsString()),
                new ReactiveMongoTemplate(client, "dead-letters"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.shutdownNow();
        kafka.destroy();
    }

    @Test
    void aDeadLetterIsListedWithoutItsContentReplayedOnceAndTheDecisionKept() {
        String caseId = "case-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        deadLetter(caseId, eventId, "{\"caseId\":\"" + caseId + "\",\"questionForPanel\":\"private words\"}");

        DeadLetter listed = desk.all().block().stream().filter(row -> caseId.equals(row.caseId())).findFirst().orElseThrow();
        assertThat(listed.type()).isEqualTo("ScheduleReview");
        assertThat(listed.eventId()).isEqualTo(eventId);
        assertThat(listed.originalTopic()).isEqualTo(ORIGINAL);
        assertThat(listed.group()).isEqualTo("mdt-scheduler");
        assertThat(listed.error()).isEqualTo("CaseNotSubmittedYet: ScheduleReview for case " + caseId + " carries no question");
        assertThat(listed.open()).isTrue();
        assertThat(listed.toString()).doesNotContain("private words");

        assertThat(desk.replay(List.of(listed.place()), "ops.kim", "intake's event is there now").collectList().block())
                .singleElement().satisfies(made -> {
                    assertThat(made.action()).isEqualTo(DeadLetterDecision.Action.REPLAYED);
                    assertThat(made.by()).isEqualTo("ops.kim");
                    assertThat(made.at()).isEqualTo(NOW);
                });
        ConsumerRecord<byte[], byte[]> again = onlyRecordFor(caseId);
        assertThat(new String(again.value(), StandardCharsets.UTF_8)).contains("private words");
        assertThat(new String(again.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)).isEqualTo(eventId);
        assertThat(again.headers().lastHeader("kafka_dlt-exception-message")).isNull();
        assertThat(again.headers().lastHeader("kafka_dlt-original-topic")).isNull();

        // a second replay of the same record, say from a second tab: nothing sent, the first decision stands
        assertThat(desk.replay(List.of(listed.place()), "ana.ops", null).collectList().block()).isEmpty();
        assertThat(recordsFor(caseId)).hasSize(1);
        DeadLetter decided = desk.all().block().stream().filter(row -> caseId.equals(row.caseId())).findFirst().orElseThrow();
        assertThat(decided.decision().by()).isEqualTo("ops.kim");
        assertThat(decided.decision().reason()).isEqualTo("intake's event is there now");
    }

    @Test
    void aDiscardSaysWhyAndOnlyDeadLettersAreTouched() {
        String caseId = "case-" + UUID.randomUUID();
        deadLetter(caseId, UUID.randomUUID().toString(), "{}");
        String place = desk.all().block().stream().filter(row -> caseId.equals(row.caseId())).findFirst().orElseThrow().place();

        assertThatThrownBy(() -> desk.discard(List.of(place), "ops.kim", " ").collectList().block())
                .isInstanceOfSatisfying(BadInput.class, bad -> assertThat(bad.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> desk.replay(List.of(ORIGINAL + "/0/0"), "ops.kim", null).collectList().block())
                .isInstanceOfSatisfying(BadInput.class, bad -> assertThat(bad.field()).isEqualTo("place"));
        assertThatThrownBy(() -> desk.replay(List.of("not a place"), "ops.kim", null).collectList().block())
                .isInstanceOfSatisfying(BadInput.class, bad -> assertThat(bad.field()).isEqualTo("place"));

        assertThat(desk.discard(List.of(place), "ops.kim", "the case was withdrawn").collectList().block()).hasSize(1);
        assertThat(recordsFor(caseId)).isEmpty();
        assertThat(desk.all().block().stream().filter(row -> caseId.equals(row.caseId())).findFirst().orElseThrow()
                .decision().action()).isEqualTo(DeadLetterDecision.Action.DISCARDED);
    }

    @Test
    void aGroupsLagIsTheNewestOffsetLessItsCommittedOne() throws Exception {
        Properties producing = new Properties();
        producing.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producing, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>("consilium.case.events", 0, null, new byte[]{1})).get();
            }
        }
        Properties consuming = new Properties();
        consuming.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
        consuming.put(ConsumerConfig.GROUP_ID_CONFIG, "slow-service");
        TopicPartition first = new TopicPartition("consilium.case.events", 0);
        try (KafkaConsumer<byte[], byte[]> group = new KafkaConsumer<>(consuming, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            group.assign(List.of(first));
            group.commitSync(Map.of(first, new org.apache.kafka.clients.consumer.OffsetAndMetadata(1)));
        }

        assertThat(new ConsumerLag(kafka.getBrokersAsString()).all())
                .filteredOn(row -> row.group().equals("slow-service"))
                .singleElement().satisfies(row -> {
                    assertThat(row.topic()).isEqualTo("consilium.case.events");
                    assertThat(row.lag()).isEqualTo(row.newest() - 1).isGreaterThanOrEqualTo(2);
                });
    }

    /** A record as the binder dead-letters it: the message's own headers plus the failure's. */
    private static void deadLetter(String caseId, String eventId, String payload) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(DEAD, caseId.getBytes(StandardCharsets.UTF_8),
                    payload.getBytes(StandardCharsets.UTF_8));
            // as the binder writes them: Spring's wrapper named, the consumer's own exception in the stack trace
            Map.of("ce_id", eventId, "ce_type", MessageType.SCHEDULE_REVIEW.ceType(), "ce_subject", caseId,
                    "kafka_dlt-original-topic", ORIGINAL,
                    "kafka_dlt-exception-fqcn", "org.springframework.messaging.MessageHandlingException",
                    "kafka_dlt-exception-stacktrace", "org.springframework.messaging.MessageHandlingException: ...\n"
                            + "Caused by: org.consilium.mdt.submission.CaseNotSubmittedYet: ScheduleReview ...\n\tat x.y(Z.java:1)",
                    "kafka_dlt-exception-message", "error occurred in message handler [binder$1@6d959353]; ScheduleReview for case "
                            + caseId + " carries no question\nsecond line")
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConsumerRecord<byte[], byte[]> onlyRecordFor(String caseId) {
        List<ConsumerRecord<byte[], byte[]>> found = recordsFor(caseId);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static List<ConsumerRecord<byte[], byte[]>> recordsFor(String caseId) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = reader.partitionsFor(ORIGINAL).stream()
                    .map(p -> new TopicPartition(ORIGINAL, p.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline && partitions.stream().anyMatch(p -> reader.position(p) < ends.get(p))) {
                reader.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (caseId.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                        found.add(record);
                    }
                });
            }
            return found;
        }
    }
}
