package org.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One case followed by its traces from intake to the delivered report, across every service and the engine (issue 15,
 * ADR 19). A case's path is a chain of traces, each started by a person's action: here each action is sent with a
 * trace of the test's own ({@code traceparent}), as a browser or a gateway would, and every event and command that
 * action caused, in whichever service and however late (the outbox, the engine's jobs), must carry that trace; every
 * record of the case carries one; and the services' log lines of the release name its trace id.
 */
@ExtendWith(SharedStack.class)
class CaseTraceJourneyTest {
    private static final List<String> TOPICS = List.of("consilium.case.events", "consilium.records.commands",
            "consilium.records.events", "consilium.mdt.commands", "consilium.mdt.events", "consilium.notification.commands",
            "consilium.notification.events", "consilium.task.events");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One record of the case: its type, who wrote it (the CloudEvents source) and its trace id. */
    record Step(String type, String source, String traceId) {
    }

    @Test
    void eachPersonsActionIsFollowedByItsTraceThroughEveryServiceToTheDeliveredReport() {
        String email = "traced-" + UUID.randomUUID() + "@example.org";
        Map<String, String> traces = new LinkedHashMap<>();
        for (String action : List.of("submit", "accept", "upload", "verify", "release")) {
            traces.put(action, newTraceId());
        }

        Http.Response created = Http.as(DemoUsers.REFERRER).post(RunningStack.url(8081, "/cases"),
                CaseDriver.lungIntake(email), traced(traces.get("submit")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String caseId = created.body().get("caseId").asText();
        complete(caseId, "Review intake", Map.of("accepted", true), traces.get("accept"));
        for (String item : CaseDriver.requiredItems(CaseDriver.awaitChecklist(caseId))) {
            Http.Response uploaded = Http.as(DemoUsers.COORDINATOR).upload(RunningStack.url(8082, "/cases/" + caseId
                    + "/documents"), item, item + ".pdf", "application/pdf", CaseDriver.samplePdf(item), traced(traces.get("upload")));
            assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(201);
        }
        CaseDriver.awaitRecordsComplete(caseId);
        complete(caseId, "Verify dossier", Map.of("dossierVerified", true), traces.get("verify"));
        CaseDriver.panelConcludes(caseId);
        for (String step : List.of("approve", "release")) {
            Http.Response done = Http.as(DemoUsers.COORDINATOR).post(RunningStack.url(8083, "/reviews/" + caseId + "/report/"
                    + step), Map.of(), step.equals("release") ? traced(traces.get("release")) : Map.of());
            assertThat(done.status()).as(step + ": " + done.raw()).isEqualTo(200);
        }
        await("the report delivered").atMost(Duration.ofSeconds(90))
                .until(() -> steps(caseId).stream().anyMatch(s -> s.type().endsWith("ReportDelivered.v1")));

        List<Step> steps = steps(caseId);
        steps.forEach(step -> System.out.printf("trace %s  %-45s %s%n", step.traceId(), step.type(), step.source()));
        assertThat(steps).as("every record of the case carries a trace").allSatisfy(s -> assertThat(s.traceId()).isNotNull());
        Map<String, Set<String>> writers = new HashMap<>();
        steps.forEach(s -> writers.computeIfAbsent(s.traceId(), t -> new TreeSet<>()).add(service(s.source())));
        assertThat(writers.get(traces.get("submit"))).as("the submission").contains("intake-service", "bpmn");
        assertThat(writers.get(traces.get("accept"))).as("the coordinator's acceptance").contains("bpmn", "records-service");
        assertThat(writers.get(traces.get("upload"))).as("the uploads").contains("records-service", "bpmn");
        assertThat(writers.get(traces.get("verify"))).as("the dossier verified")
                .contains("bpmn", "mdt-scheduler", "notification-service");
        assertThat(writers.get(traces.get("release"))).as("the release, to the delivered report")
                .contains("mdt-scheduler", "bpmn", "notification-service");
        assertThat(steps.stream().filter(s -> s.type().endsWith("ReportDelivered.v1")).map(Step::traceId))
                .containsOnly(traces.get("release"));

        // and each service's log lines of the case name the trace of the action they belong to
        Path logs = SharedStack.dataDir().orElseThrow().resolve("logs");
        Map<String, String> logged = Map.of("intake-service", "submit", "records-service", "upload", "bpmn", "release",
                "mdt-scheduler", "release", "notification-service", "release");
        logged.forEach((service, action) -> {
            String log = read(logs.resolve(service + ".log"));
            assertThat(log.lines().filter(line -> line.contains(caseId)).filter(line -> line.contains(traces.get(action))))
                    .as(service + "'s log lines of the case in the trace of the " + action).isNotEmpty();
        });
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String newTraceId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /** A request started in a trace of the caller's own: a W3C traceparent with a fresh parent span, sampled. */
    private static Map<String, String> traced(String traceId) {
        byte[] span = new byte[8];
        RANDOM.nextBytes(span);
        return Map.of("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(span) + "-01");
    }

    private static void complete(String caseId, String name, Map<String, Object> variables, String traceId) {
        JsonNode task = await("task " + name).atMost(Duration.ofSeconds(90)).until(() -> StreamSupport.stream(
                Http.get(RunningStack.url(8080, "/engine-rest/task?processInstanceBusinessKey=" + caseId)).body().spliterator(),
                false).filter(t -> name.equals(t.path("name").asText())).findFirst().orElse(null), t -> t != null);
        Map<String, Object> typed = new HashMap<>();
        variables.forEach((k, v) -> typed.put(k, Map.of("value", v)));
        Http.Response done = Http.as(DemoUsers.COORDINATOR).post(RunningStack.url(8080, "/engine-rest/task/"
                + task.get("id").asText() + "/complete"), Map.of("variables", typed), traced(traceId));
        assertThat(done.status()).as(done.raw()).isEqualTo(204);
    }

    /** Every record of the case on every topic, in offset order per partition. */
    private static List<Step> steps(String caseId) {
        List<Step> steps = new ArrayList<>();
        try (KafkaProbe kafka = new KafkaProbe()) {
            for (String topic : TOPICS) {
                int partitions = kafka.partitions(topic);
                TopicPartition partition = new TopicPartition(topic, KafkaProbe.partitionOf(caseId, partitions));
                for (ConsumerRecord<byte[], byte[]> record : kafka.read(partition, r -> caseId.equals(KafkaProbe.key(r)))) {
                    String traceparent = KafkaProbe.header(record, "ce_traceparent");
                    steps.add(new Step(KafkaProbe.header(record, "ce_type"), KafkaProbe.header(record, "ce_source"),
                            traceparent == null ? null : traceparent.split("-")[1]));
                }
            }
        }
        return steps;
    }

    /** {@code /consilium/mdt-scheduler} → mdt-scheduler; the engine writes as /consilium/bpmn. */
    private static String service(String source) {
        String[] parts = source.split("/");
        return parts.length > 2 ? parts[2] : source;
    }
}
