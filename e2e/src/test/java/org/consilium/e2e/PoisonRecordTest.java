package org.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.consilium.e2e.CaseDriver.awaitChecklist;
import static org.consilium.e2e.CaseDriver.awaitProcessCompleted;
import static org.consilium.e2e.CaseDriver.awaitRecordsComplete;
import static org.consilium.e2e.CaseDriver.completeTask;
import static org.consilium.e2e.CaseDriver.mailsWithSubject;
import static org.consilium.e2e.CaseDriver.panelConcludes;
import static org.consilium.e2e.CaseDriver.releaseReport;
import static org.consilium.e2e.CaseDriver.requiredItems;
import static org.consilium.e2e.CaseDriver.stage;
import static org.consilium.e2e.CaseDriver.submitLungCase;
import static org.consilium.e2e.CaseDriver.upload;
import static org.consilium.e2e.KafkaProbe.header;
import static org.consilium.e2e.KafkaProbe.key;

/**
 * Issue 12's poison record, on every topic a service or the engine consumes: bytes that are not JSON, a
 * CloudEvent whose payload does not fit its type, a CloudEvent of a type no release knows. Each is keyed by a
 * fresh case id on the partition a real case uses, right behind that case's submission. Every consumer group gives
 * each up to its dead-letter topic once, with the exception in the headers, and reads on: the real case then
 * travels to its delivered report through every consumer, and each group's committed offset passes the case's own
 * records behind the poison. The engine's dead-letter intake gets its own poison too: a dead letter naming no case
 * and one whose case id no store takes end on its own dead-letter topic, and the poison's dead letters that do
 * name a case wait in the engine's inbox, where ops see them.
 */
@ExtendWith(SharedStack.class)
class PoisonRecordTest {
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String SERVICE_DEAD_LETTERS = "error." + StackConsumer.RECORDS_COMMANDS + ".records-service";

    @Test
    void poisonOnEveryConsumedTopicIsDeadLetteredOnceAndTheCaseBehindItStillTravels() {
        try (KafkaProbe kafka = new KafkaProbe()) {
            String email = "poison-" + UUID.randomUUID() + "@example.org";
            String caseId = submitLungCase(email);
            int partitions = kafka.partitions(StackConsumer.CASE_EVENTS);
            int partition = KafkaProbe.partitionOf(caseId, partitions);

            // the case's partition on each topic: the notification commands have more partitions than the others
            Map<String, Integer> casePartition = new HashMap<>();
            Map<String, Long> poisonedAt = new HashMap<>();
            List<PoisonRecord> poisons = new ArrayList<>();
            String run = UUID.randomUUID().toString().substring(0, 8);
            for (String topic : StackConsumer.TOPICS) {
                int topicPartitions = kafka.partitions(topic);
                int onTopic = casePartition.computeIfAbsent(topic, t -> KafkaProbe.partitionOf(caseId, topicPartitions));
                for (PoisonRecord.Kind kind : PoisonRecord.Kind.values()) {
                    String key = KafkaProbe.keyOn("poison-" + run + "-" + topic.substring("consilium.".length())
                            + "-" + kind.name().toLowerCase(), onTopic, topicPartitions);
                    PoisonRecord poison = new PoisonRecord(kind, topic, key, key);
                    RecordMetadata sent = kafka.send(poison.toRecord()); // placed by the default partitioner
                    assertThat(sent.partition()).as("%s lands on the case's partition", key).isEqualTo(onTopic);
                    poisonedAt.merge(topic, sent.offset(), Math::max);
                    poisons.add(poison);
                }
            }
            List<String> intakeProbes = poisonTheEngineDeadLetterIntake(kafka, run, partition);

            // the real case behind the poison, through every consumer: records, panel, report, delivery
            completeTask(caseId, "Review intake", Map.of("accepted", true));
            kafka.send(PoisonRecord.cloudEvent(StackConsumer.CASE_FAILURES, null, caseId,
                    "org.consilium.case.CaseStepFailed.v1", """
                            {"caseId": "%s", "service": "e2e-poison", "step": "PoisonProbe",
                             "reason": "reported behind a poison record", "deadLetter": null, "failedAt": "%s"}
                            """.formatted(caseId, Instant.now())));
            kafka.send(deadLetterOf(caseId, partition, null));
            completeTask(caseId, "Resolve a failed step", resolved());
            completeTask(caseId, "Resolve a failed step", resolved());
            requiredItems(awaitChecklist(caseId)).forEach(item -> upload(caseId, item));
            awaitRecordsComplete(caseId);
            completeTask(caseId, "Verify dossier", Map.of("dossierVerified", true));
            panelConcludes(caseId);
            releaseReport(caseId);
            awaitProcessCompleted(caseId);
            await("intake shows the delivery").atMost(PATIENCE).until(() -> stage(caseId), "REPORT_DELIVERED"::equals);
            await("the report mail").atMost(PATIENCE).until(() -> mailsWithSubject(email, CaseDriver.REPORT_SUBJECT) >= 1);

            List<StackConsumer> consumers = StackConsumer.all();
            for (StackConsumer consumer : consumers) {
                int onTopic = casePartition.get(consumer.topic());
                eachPoisonIsDeadLetteredOnce(kafka, consumer, onTopic, poisons);
                theGroupReadPastTheCase(kafka, consumer.group(), new TopicPartition(consumer.topic(), onTopic), caseId,
                        poisonedAt.get(consumer.topic()));
            }
            theEngineIntakeGaveUpItsOwnPoison(kafka, partition, intakeProbes);
            theGroupReadPastTheCase(kafka, "bpmn", new TopicPartition(SERVICE_DEAD_LETTERS, partition), caseId, -1);
            theEngineKeepsThePoisonForOps(consumers, poisons);
            noServiceStoredThePoison(poisons);
            System.out.printf("poison: %d records on %d topics, read by %d (topic, group) consumers; %d dead letters "
                            + "checked%n", poisons.size() + intakeProbes.size(), StackConsumer.TOPICS.size() + 1,
                    consumers.size() + 1, consumers.size() * PoisonRecord.Kind.values().length + intakeProbes.size());
        }
    }

    /**
     * What the engine's dead-letter intake cannot take: a dead letter naming no case (no key, no ce_subject), and one
     * whose key is longer than any case id its inbox stores (the insert fails, so it is retried, then given up).
     */
    private static List<String> poisonTheEngineDeadLetterIntake(KafkaProbe kafka, String run, int partition) {
        String nameless = "poison-" + run + "-nameless-dead-letter";
        ProducerRecord<byte[], byte[]> noCase = new ProducerRecord<>(SERVICE_DEAD_LETTERS, partition, null,
                PoisonRecord.bytes("{\"not\": \"a case's\"}"));
        noCase.headers().add(PoisonRecord.PROBE, PoisonRecord.bytes(nameless));
        kafka.send(noCase);
        String overlong = "poison-" + run + "-overlong-case-id";
        kafka.send(deadLetterOf("poison-" + run + "-" + "x".repeat(300), partition, overlong));
        return List.of(nameless, overlong);
    }

    /** A service's dead letter of a RequestRecords, with the headers the binder writes. */
    private static ProducerRecord<byte[], byte[]> deadLetterOf(String caseId, int partition, String probe) {
        ProducerRecord<byte[], byte[]> record = PoisonRecord.cloudEvent(SERVICE_DEAD_LETTERS, partition, caseId,
                "org.consilium.records.RequestRecords.v1", "{\"caseId\": \"" + caseId + "\"}");
        record.headers().add("x-original-topic", PoisonRecord.bytes(StackConsumer.RECORDS_COMMANDS))
                .add("x-exception-fqcn", PoisonRecord.bytes("java.lang.IllegalStateException"))
                .add("x-exception-message", PoisonRecord.bytes("injected behind a poison record"));
        if (probe != null) {
            record.headers().add(PoisonRecord.PROBE, PoisonRecord.bytes(probe));
        }
        return record;
    }

    private static Map<String, Object> resolved() {
        return Map.of("resolutionNote", "a probe of the poison test: nothing to fix", "retryStep", false,
                "declineCase", false);
    }

    /**
     * Bounded retries end in exactly one dead letter per poison, on the same partition, saying what went wrong:
     * an unreadable record is not retried at all (UnreadableMessageException is not retryable).
     */
    private static void eachPoisonIsDeadLetteredOnce(KafkaProbe kafka, StackConsumer consumer, int partition,
                                                     List<PoisonRecord> poisons) {
        Map<String, PoisonRecord> byProbe = poisons.stream().filter(p -> p.topic().equals(consumer.topic()))
                .collect(Collectors.toMap(PoisonRecord::probe, p -> p));
        TopicPartition deadLetters = new TopicPartition(consumer.deadLetterTopic(), partition);
        List<ConsumerRecord<byte[], byte[]>> found = await(consumer + " dead-letters its poison").atMost(PATIENCE)
                .until(() -> kafka.read(deadLetters, r -> byProbe.containsKey(header(r, PoisonRecord.PROBE))),
                        records -> records.size() >= byProbe.size());
        assertThat(found).as(consumer + ": once each").extracting(r -> header(r, PoisonRecord.PROBE))
                .containsExactlyInAnyOrderElementsOf(byProbe.keySet());
        assertThat(found).allSatisfy(r -> {
            PoisonRecord poison = byProbe.get(header(r, PoisonRecord.PROBE));
            assertThat(key(r)).as("the key stays").isEqualTo(poison.key());
            assertThat(header(r, "x-original-topic")).as(consumer + " original topic").isEqualTo(consumer.topic());
            assertThat(r.headers().lastHeader("x-original-offset")).as(consumer + " original offset").isNotNull();
            assertThat(header(r, "x-exception-fqcn")).as(consumer + " exception type").isNotBlank();
            assertThat(header(r, "x-exception-stacktrace")).as(consumer + " stack trace")
                    .contains("org.consilium.events.UnreadableMessageException");
            assertThat(header(r, "x-exception-message")).as(consumer + " exception message").contains(poison.kind().complaint);
        });
    }

    /** The group committed past the real case's last record on the partition, which came after the poison. */
    private static void theGroupReadPastTheCase(KafkaProbe kafka, String group, TopicPartition source, String caseId,
                                                long poisonOffset) {
        long last = kafka.read(source, r -> caseId.equals(key(r))).stream().mapToLong(ConsumerRecord::offset).max()
                .orElseThrow(() -> new AssertionError("the case has no record on " + source));
        assertThat(last).as("%s: the case's record comes after the poison", source).isGreaterThan(poisonOffset);
        await(group + " reads past the case on " + source).atMost(PATIENCE)
                .until(() -> kafka.committed(group, source), committed -> committed > last);
    }

    private static void theEngineIntakeGaveUpItsOwnPoison(KafkaProbe kafka, int partition, List<String> probes) {
        TopicPartition deadLetters = new TopicPartition(StackConsumer.ENGINE_INTAKE_DEAD_LETTERS, partition);
        List<ConsumerRecord<byte[], byte[]>> found = await("the engine's intake gives up its poison").atMost(PATIENCE)
                .until(() -> kafka.read(deadLetters, r -> probes.contains(header(r, PoisonRecord.PROBE))),
                        records -> records.size() >= probes.size());
        assertThat(found).extracting(r -> header(r, PoisonRecord.PROBE)).containsExactlyInAnyOrderElementsOf(probes);
        assertThat(found).allSatisfy(r -> {
            assertThat(header(r, "x-original-topic")).isEqualTo(SERVICE_DEAD_LETTERS);
            assertThat(header(r, "x-exception-message")).isNotBlank();
        });
    }

    /** A poison's dead letter read by the engine waits in its inbox as a failed step of an unknown case: ops see it. */
    private static void theEngineKeepsThePoisonForOps(List<StackConsumer> consumers, List<PoisonRecord> poisons) {
        Set<String> expected = poisons.stream()
                .filter(p -> consumers.stream().anyMatch(c -> c.topic().equals(p.topic()) && c.readByTheEngine()))
                .map(PoisonRecord::key).collect(Collectors.toSet());
        await("the poison's failed steps in the engine's inbox").atMost(PATIENCE).untilAsserted(() -> {
            Http.Response pending = Http.as(DemoUsers.OPS).get(RunningStack.url(8080, "/api/inbox?status=PENDING&limit=1000"));
            assertThat(pending.status()).as(pending.raw()).isEqualTo(200);
            List<String> failed = new ArrayList<>();
            pending.body().forEach(e -> {
                if (e.path("type").asText().equals("CaseStepFailed")) {
                    failed.add(e.path("caseId").asText());
                }
            });
            assertThat(failed).containsAll(expected);
        });
    }

    /** A refused record leaves nothing behind: no service knows a case by a poison's key. */
    private static void noServiceStoredThePoison(List<PoisonRecord> poisons) {
        for (PoisonRecord poison : poisons) {
            for (String path : List.of(url(8081, "/cases/", poison.key()), url(8082, "/cases/", poison.key() + "/records"),
                    url(8083, "/reviews/", poison.key()))) {
                Http.Response answer = Http.get(path);
                assertThat(answer.status()).as(path + ": " + answer.raw()).isEqualTo(404);
            }
            JsonNode deliveries = Http.get(url(8084, "/deliveries?caseId=", poison.key())).body();
            assertThat(deliveries.findValues("id")).as("deliveries of " + poison.key()).isEmpty();
        }
    }

    private static String url(int port, String path, String caseId) {
        return RunningStack.url(port, path + caseId);
    }
}
