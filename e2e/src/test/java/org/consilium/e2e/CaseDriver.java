package org.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the people around a case do, over the public HTTP APIs only: the patient submits and
 * uploads, the coordinator completes tasks through the engine's REST API, the panel records
 * opinions and the consensus, and the patient reads the mail inbox.
 */
final class CaseDriver {
    /** The lung case's patient reads Bahasa Indonesia first, so the report comes in Indonesian (issue 11). */
    static final String REPORT_SUBJECT = "Laporan opini kedua Anda sudah siap";
    static final String WITHDRAWN_SUBJECT = "Your case has been withdrawn";

    private CaseDriver() {
    }

    static String submitLungCase(String email) {
        return submitLungCase(email, "Budi Santoso", "ID", "[\"id\", \"en\"]", "Asia/Jakarta");
    }

    /** The lung case of a patient living in {@code country}, speaking {@code languages} (a JSON array, first preferred). */
    static String submitLungCase(String email, String name, String country, String languages, String timeZone) {
        return submitLungCase(email, name, country, languages, timeZone, "");
    }

    /** Budi's lung case, his daughter acting for him with his consent: both have their own address. */
    static String submitLungCaseWithCaregiver(String email, String caregiverEmail) {
        return submitLungCase(email, "Budi Santoso", "ID", "[\"id\", \"en\"]", "Asia/Jakarta", """
                "proxy": {"name": "Siti Santoso", "relationship": "daughter", "email": "%s", "patientConsents": true},
                """.formatted(caregiverEmail));
    }

    static String submitLungCase(String email, String name, String country, String languages, String timeZone,
                                         String proxy) {
        // submitted by the referring doctor, as most cases arrive
        Http.Response created = Http.as(DemoUsers.REFERRER).post(RunningStack.url(8081, "/cases"),
                lungIntake(email, name, country, languages, timeZone, proxy));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("caseId").asText();
    }

    /** Budi's lung case as the questionnaire's JSON, for the patient at {@code email}. */
    static String lungIntake(String email) {
        return lungIntake(email, "Budi Santoso", "ID", "[\"id\", \"en\"]", "Asia/Jakarta", "");
    }

    private static String lungIntake(String email, String name, String country, String languages, String timeZone,
                                     String proxy) {
        return """
                {"patient": {"name": "%s", "age": 58, "sex": "MALE", "country": "%s", "languages": %s,
                             "timeZone": "%s", "email": "%s"}, %s
                 "consent": {"review": true, "shareWithPanel": true, "crossBorderTransfer": true, "contactCurrentDoctor": true},
                 "diagnosis": {"cancerType": "lung", "stage": "IIIA", "histology": "adenocarcinoma"},
                 "currentTreatingTeam": {"doctorName": "Dr Hartono", "institution": "RS Jakarta"},
                 "firstOpinion": {"summary": "Lobectomy then adjuvant chemotherapy", "author": "Dr Hartono", "date": "%s"},
                 "decisionsAtStake": ["MAJOR_SURGERY"], "treatmentGoal": "CURE", "whatSeemsMissing": ["MOLECULAR_TESTING"],
                 "plannedTreatmentStart": "%s",
                 "questionForPanel": "Should I have chemotherapy or immunotherapy before the operation instead?"}
                """.formatted(name, country, languages, timeZone, email, proxy, LocalDate.now().minusDays(10),
                LocalDate.now().plusDays(12));
    }

    /**
     * A breast case sent as a FHIR R4 transaction Bundle, the way a hospital system would: the
     * pathology and mammogram reports, the first-opinion letter (PDFs inline) and a MedicationStatement.
     */
    static String submitBreastBundle(String email) {
        String bundle;
        try (var in = CaseDriver.class.getResourceAsStream("/fhir/breast-intake-bundle.json")) {
            bundle = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        LocalDate today = LocalDate.now();
        bundle = bundle.replace("{{email}}", email)
                .replace("{{pathologyDate}}", today.minusDays(20).toString())
                .replace("{{mammogramDate}}", today.minusDays(12).toString())
                .replace("{{firstOpinionDate}}", today.minusDays(5).toString())
                .replace("{{plannedTreatmentStart}}", today.plusDays(35).toString());
        Http.Response created = Http.as(DemoUsers.REFERRER).post(RunningStack.url(8081, "/fhir"), bundle);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    static List<String> openTasks(String caseId) {
        JsonNode tasks = Http.get(RunningStack.url(8080, "/engine-rest/task?processInstanceBusinessKey=" + caseId)).body();
        return StreamSupport.stream(tasks.spliterator(), false).map(t -> t.path("name").asText()).toList();
    }

    static JsonNode awaitChecklist(String caseId) {
        return await("checklist built").atMost(Duration.ofSeconds(60)).until(
                () -> Http.get(RunningStack.url(8082, "/cases/" + caseId + "/records")), r -> r.status() == 200).body();
    }

    static List<String> requiredItems(JsonNode checklist) {
        List<String> required = new ArrayList<>();
        checklist.get("items").forEach(item -> {
            if (item.get("required").asBoolean()) {
                required.add(item.get("code").asText());
            }
        });
        return required;
    }

    static void upload(String caseId, String item) {
        Http.Response uploaded = Http.upload(RunningStack.url(8082, "/cases/" + caseId + "/documents"), item,
                item + ".pdf", "application/pdf", samplePdf(item));
        assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(201);
    }

    static void awaitRecordsComplete(String caseId) {
        await("records complete").atMost(Duration.ofSeconds(60)).until(
                () -> Http.get(RunningStack.url(8082, "/cases/" + caseId + "/records")).body().path("status").asText(),
                "COMPLETE"::equals);
    }

    /** Every panel member gives an opinion, then the chair signs a consensus that differs from the first opinion. */
    static void panelConcludes(String caseId) {
        JsonNode review = await("panel assembled").atMost(Duration.ofSeconds(60)).until(
                () -> Http.get(RunningStack.url(8083, "/reviews/" + caseId)), r -> r.status() == 200).body();
        String chair = null;
        for (JsonNode member : review.get("panel")) {
            String specialist = member.get("specialistId").asText();
            if (member.get("chair").asBoolean()) {
                chair = specialist;
            }
            // each member signs in and gives their own opinion (the token must be theirs)
            Http.Response opinion = Http.as(specialist).post(RunningStack.url(8083, "/reviews/" + caseId + "/opinions"), Map.of(
                    "specialistId", specialist,
                    "recommendation", "Neoadjuvant chemo-immunotherapy, then re-stage and operate",
                    "agreesWithFirstOpinion", false, "confidence", "HIGH"));
            assertThat(opinion.status()).as(opinion.raw()).isEqualTo(201);
        }
        assertThat(chair).as("the panel has a chair").isNotNull();
        Http.Response consensus = Http.as(chair).post(RunningStack.url(8083, "/reviews/" + caseId + "/consensus"), Map.of(
                "chairId", chair, "confirmsFirstOpinion", false,
                "recommendation", "Neoadjuvant chemo-immunotherapy before lobectomy, after EGFR/ALK/PD-L1 testing",
                "plainLanguageSummary", "The panel suggests medicine before the operation to shrink the tumour.",
                "differenceExplanation", "Molecular results were missing; stage IIIA benefits from treatment first."));
        assertThat(consensus.status()).as(consensus.raw()).isEqualTo(201);
    }

    /** The coordinator's QA in mdt-scheduler's report desk: approve the current version, then release it (who: the token). */
    static void releaseReport(String caseId) {
        for (String step : List.of("approve", "release")) {
            Http.Response done = Http.post(RunningStack.url(8083, "/reviews/" + caseId + "/report/" + step), Map.of());
            assertThat(done.status()).as(step + ": " + done.raw()).isEqualTo(200);
        }
    }

    static void completeTask(String caseId, String name, Map<String, Object> variables) {
        Supplier<JsonNode> task = () -> {
            JsonNode tasks = Http.get(RunningStack.url(8080, "/engine-rest/task?processInstanceBusinessKey=" + caseId)).body();
            return StreamSupport.stream(tasks.spliterator(), false)
                    .filter(t -> name.equals(t.path("name").asText())).findFirst().orElse(null);
        };
        Map<String, Object> typed = new HashMap<>();
        variables.forEach((k, v) -> typed.put(k, Map.of("value", v)));
        // 409: a job or an event of the case changed it at the same moment; nothing was done, so do it again
        Http.Response done = await("task " + name + " completed").atMost(Duration.ofSeconds(90)).until(() -> {
            JsonNode found = await("task " + name).atMost(Duration.ofSeconds(90)).until(task::get, t -> t != null);
            return Http.post(RunningStack.url(8080, "/engine-rest/task/" + found.get("id").asText() + "/complete"),
                    Map.of("variables", typed));
        }, response -> response.status() != 409);
        assertThat(done.status()).as(done.raw()).isEqualTo(204);
    }

    static String processState(String caseId) {
        JsonNode instances = Http.get(RunningStack.url(8080,
                "/engine-rest/history/process-instance?processInstanceBusinessKey=" + caseId)).body();
        return instances.isArray() && instances.size() == 1 ? instances.get(0).path("state").asText() : "NONE";
    }

    static void awaitProcessCompleted(String caseId) {
        await("process ended").atMost(Duration.ofSeconds(90)).until(() -> processState(caseId), "COMPLETED"::equals);
    }

    static String stage(String caseId) {
        return Http.get(RunningStack.url(8081, "/cases/" + caseId)).body().path("stage").asText();
    }

    /** The raw MIME text of each message in the mailbox (attachments base64-encoded within it). */
    static List<String> rawMails(String email) {
        return mailbox(email).stream().map(m -> m.path("mimeMessage").asText()).toList();
    }

    /** The messages GreenMail's HTTP API holds for the address; none yet is an empty list (it answers 400 then). */
    private static List<JsonNode> mailbox(String email) {
        Http.Response inbox = Http.anonymousGet(RunningStack.url(8025, "/api/user/" + email + "/messages/"));
        List<JsonNode> messages = new ArrayList<>();
        if (inbox.status() == 200) {
            inbox.body().forEach(messages::add);
        }
        return messages;
    }

    /** The file names of the attachments of one raw MIME message, decoded. */
    static List<String> attachmentNames(String rawMail) {
        try {
            jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(
                    jakarta.mail.Session.getInstance(new java.util.Properties()),
                    new java.io.ByteArrayInputStream(rawMail.getBytes(StandardCharsets.UTF_8)));
            List<String> names = new ArrayList<>();
            collectAttachmentNames(message.getContent(), names);
            return names;
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException("not a readable mail", e);
        }
    }

    /** The text/plain body of one raw MIME message, decoded (quoted-printable lines joined). */
    static String plainText(String rawMail) {
        try {
            jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(
                    jakarta.mail.Session.getInstance(new java.util.Properties()),
                    new java.io.ByteArrayInputStream(rawMail.getBytes(StandardCharsets.UTF_8)));
            return plainText(message.getContent());
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException("not a readable mail", e);
        }
    }

    private static String plainText(Object content) throws jakarta.mail.MessagingException, java.io.IOException {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.BodyPart part = multipart.getBodyPart(i);
                if (part.getFileName() == null && part.isMimeType("text/plain")) {
                    return part.getContent().toString();
                }
                String inner = part.getFileName() == null ? plainText(part.getContent()) : null;
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }
        return content instanceof String text ? text : null;
    }

    private static void collectAttachmentNames(Object content, List<String> names)
            throws jakarta.mail.MessagingException, java.io.IOException {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.BodyPart part = multipart.getBodyPart(i);
                if (part.getFileName() != null) {
                    names.add(part.getFileName());
                } else {
                    collectAttachmentNames(part.getContent(), names);
                }
            }
        }
    }

    static List<String> mailSubjects(String email) {
        return mailbox(email).stream().map(m -> m.path("subject").asText()).toList();
    }

    static long mailsWithSubject(String email, String subject) {
        return mailSubjects(email).stream().filter(subject::equals).count();
    }

    static List<ConsumerRecord<String, byte[]>> records(String topic, String caseId) {
        return records(topic).stream().filter(r -> caseId.equals(r.key())).toList();
    }

    /** Every record on the topic so far, from the start of each of its partitions. */
    static List<ConsumerRecord<String, byte[]>> records(String topic) {
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
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
            }
            return found;
        }
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** A minimal but well-formed PDF, different per item so no two uploads share a fingerprint. */
    static byte[] samplePdf(String item) {
        return ("%PDF-1.4\n% " + item + "\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
