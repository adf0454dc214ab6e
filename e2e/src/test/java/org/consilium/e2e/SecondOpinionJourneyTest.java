package org.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the stack exactly as a user does and takes cases through it over the public HTTP APIs
 * only: intake, the engine's REST API for the coordinator's tasks, record uploads, the panel's
 * opinions and consensus, and the SMTP server's inbox.
 */
class SecondOpinionJourneyTest {
    private static final String REPORT_SUBJECT = "Your second-opinion report is ready";
    private static final String WITHDRAWN_SUBJECT = "Your case has been withdrawn";

    @TempDir
    static Path dataDir;
    static RunningStack stack;

    @BeforeAll
    static void startStack() {
        stack = RunningStack.start(dataDir);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aCaseTravelsFromIntakeToADeliveredReport() {
        String email = "caregiver-" + UUID.randomUUID() + "@example.org";
        String caseId = submitLungCase(email);

        completeTask(caseId, "Review intake", Map.of("accepted", true));
        JsonNode checklist = awaitChecklist(caseId);
        for (JsonNode item : checklist.get("items")) {
            if (item.get("required").asBoolean()) {
                Http.Response uploaded = Http.upload(RunningStack.url(8082, "/cases/" + caseId + "/documents"),
                        item.get("code").asText(), item.get("code").asText() + ".pdf", "application/pdf", samplePdf());
                assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(201);
            }
        }
        await("records complete").atMost(Duration.ofSeconds(60)).until(
                () -> Http.get(RunningStack.url(8082, "/cases/" + caseId + "/records")).body().path("status").asText(),
                "COMPLETE"::equals);

        completeTask(caseId, "Verify dossier", Map.of("dossierVerified", true));
        JsonNode review = await("panel assembled").atMost(Duration.ofSeconds(60)).until(
                () -> Http.get(RunningStack.url(8083, "/reviews/" + caseId)), r -> r.status() == 200).body();
        String chair = null;
        for (JsonNode member : review.get("panel")) {
            String specialist = member.get("specialistId").asText();
            if (member.get("chair").asBoolean()) {
                chair = specialist;
            }
            Http.Response opinion = Http.post(RunningStack.url(8083, "/reviews/" + caseId + "/opinions"), Map.of(
                    "specialistId", specialist,
                    "recommendation", "Neoadjuvant chemo-immunotherapy, then re-stage and operate",
                    "agreesWithFirstOpinion", false, "confidence", "HIGH"));
            assertThat(opinion.status()).as(opinion.raw()).isEqualTo(201);
        }
        Http.Response consensus = Http.post(RunningStack.url(8083, "/reviews/" + caseId + "/consensus"), Map.of(
                "chairId", chair, "confirmsFirstOpinion", false,
                "recommendation", "Neoadjuvant chemo-immunotherapy before lobectomy, after EGFR/ALK/PD-L1 testing",
                "plainLanguageSummary", "The panel suggests medicine before the operation to shrink the tumour.",
                "differenceExplanation", "Molecular results were missing; stage IIIA benefits from treatment first."));
        assertThat(consensus.status()).as(consensus.raw()).isEqualTo(201);

        completeTask(caseId, "Approve report", Map.of("approved", true));

        await("process ended").atMost(Duration.ofSeconds(90)).until(() -> processState(caseId), "COMPLETED"::equals);
        await("intake shows the delivery").atMost(Duration.ofSeconds(30)).until(
                () -> Http.get(RunningStack.url(8081, "/cases/" + caseId)).body().path("stage").asText(),
                "REPORT_DELIVERED"::equals);
        assertThat(mailSubjects(email)).containsOnlyOnce(REPORT_SUBJECT);
        assertThat(mailSubjects(email).stream().filter(REPORT_SUBJECT::equals)).hasSize(1);

        List<ConsumerRecord<String, byte[]>> caseEvents = records("consilium.case.events", caseId);
        assertThat(caseEvents).isNotEmpty().allSatisfy(r -> {
            assertThat(header(r, "ce_subject")).isEqualTo(caseId);
            assertThat(header(r, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(r, "ce_type")).matches("org\\.consilium\\.[a-z]+\\.[A-Za-z]+\\.v\\d+");
            assertThat(header(r, "ce_id")).isNotBlank();
            assertThat(header(r, "ce_time")).isNotBlank();
        });
    }

    @Test
    void aCaseWithdrawnWhileWaitingForRecordsStopsEverywhere() {
        String email = "patient-" + UUID.randomUUID() + "@example.org";
        String caseId = submitLungCase(email);
        completeTask(caseId, "Review intake", Map.of("accepted", true));
        awaitChecklist(caseId);

        Http.Response withdrawn = Http.post(RunningStack.url(8081, "/cases/" + caseId + "/withdraw"),
                Map.of("reason", "Surgery brought forward at home"));
        assertThat(withdrawn.status()).as(withdrawn.raw()).isEqualTo(202);

        await("process ended").atMost(Duration.ofSeconds(90)).until(() -> processState(caseId), "COMPLETED"::equals);
        await("records stopped").atMost(Duration.ofSeconds(30)).until(
                () -> Http.get(RunningStack.url(8082, "/cases/" + caseId + "/records")).body().path("status").asText(),
                "CANCELLED"::equals);
        await("patient told").atMost(Duration.ofSeconds(60)).until(() -> mailSubjects(email).contains(WITHDRAWN_SUBJECT));
        assertThat(mailSubjects(email).stream().filter(WITHDRAWN_SUBJECT::equals)).hasSize(1);
        assertThat(Http.get(RunningStack.url(8081, "/cases/" + caseId)).body().path("stage").asText()).isEqualTo("WITHDRAWN");
        Http.Response upload = Http.upload(RunningStack.url(8082, "/cases/" + caseId + "/documents"),
                "pathology-report", "late.pdf", "application/pdf", samplePdf());
        assertThat(upload.status()).as("an upload after withdrawal is refused").isEqualTo(409);
    }

    private static String submitLungCase(String email) {
        String intake = """
                {"patient": {"name": "Budi Santoso", "age": 58, "sex": "MALE", "country": "ID", "languages": ["id", "en"],
                             "timeZone": "Asia/Jakarta", "email": "%s"},
                 "consent": {"review": true, "shareWithPanel": true, "crossBorderTransfer": true, "contactCurrentDoctor": true},
                 "diagnosis": {"cancerType": "lung", "stage": "IIIA", "histology": "adenocarcinoma"},
                 "firstOpinion": {"summary": "Lobectomy then adjuvant chemotherapy", "author": "Dr Hartono", "date": "2026-11-10"},
                 "decisionsAtStake": ["MAJOR_SURGERY"], "treatmentGoal": "CURE", "whatSeemsMissing": ["MOLECULAR_TESTING"],
                 "plannedTreatmentStart": "%s",
                 "questionForPanel": "Should I have chemotherapy or immunotherapy before the operation instead?"}
                """.formatted(email, java.time.LocalDate.now().plusDays(12));
        Http.Response created = Http.post(RunningStack.url(8081, "/cases"), intake);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("caseId").asText();
    }

    private static JsonNode awaitChecklist(String caseId) {
        return await("checklist built").atMost(Duration.ofSeconds(60)).until(
                () -> Http.get(RunningStack.url(8082, "/cases/" + caseId + "/records")), r -> r.status() == 200).body();
    }

    private static void completeTask(String caseId, String name, Map<String, Object> variables) {
        Supplier<JsonNode> task = () -> {
            JsonNode tasks = Http.get(RunningStack.url(8080, "/engine-rest/task?processInstanceBusinessKey=" + caseId)).body();
            return StreamSupport.stream(tasks.spliterator(), false)
                    .filter(t -> name.equals(t.path("name").asText())).findFirst().orElse(null);
        };
        JsonNode found = await("task " + name).atMost(Duration.ofSeconds(90)).until(task::get, t -> t != null);
        Map<String, Object> typed = new java.util.HashMap<>();
        variables.forEach((k, v) -> typed.put(k, Map.of("value", v)));
        Http.Response done = Http.post(RunningStack.url(8080, "/engine-rest/task/" + found.get("id").asText() + "/complete"),
                Map.of("variables", typed));
        assertThat(done.status()).as(done.raw()).isEqualTo(204);
    }

    private static String processState(String caseId) {
        JsonNode instances = Http.get(RunningStack.url(8080,
                "/engine-rest/history/process-instance?processInstanceBusinessKey=" + caseId)).body();
        return instances.isArray() && instances.size() == 1 ? instances.get(0).path("state").asText() : "NONE";
    }

    private static List<String> mailSubjects(String email) {
        Http.Response inbox = Http.get(RunningStack.url(8025, "/api/user/" + email + "/messages/"));
        List<String> subjects = new ArrayList<>();
        if (inbox.status() == 200) {
            // GreenMail answers 400 for a mailbox that has received nothing yet
            inbox.body().forEach(m -> subjects.add(m.path("subject").asText()));
        }
        return subjects;
    }

    private static List<ConsumerRecord<String, byte[]>> records(String topic, String caseId) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + RunningStack.port(9092)),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            assertThat(partitions).as("topics have more than one partition").hasSizeGreaterThan(1);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (caseId.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
            return found;
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** A minimal but well-formed PDF, so content detection sees what a real upload would be. */
    private static byte[] samplePdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
