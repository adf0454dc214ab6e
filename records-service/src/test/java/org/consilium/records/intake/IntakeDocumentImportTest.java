package org.consilium.records.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.DocumentReceived;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.events.Recipient;
import org.consilium.events.RecordsCompleted;
import org.consilium.events.SubmittedDocument;
import org.consilium.records.IntakeAttachmentServer;
import org.consilium.records.RecordsServiceTestBase;
import org.consilium.records.pdf.TinyPdf;
import org.consilium.support.testing.KafkaProbe;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Documents sent inline with a FHIR intake become the case's documents with no upload: fetched
 * from intake-service over real HTTP, checked, and filed under the item their codes name.
 */
class IntakeDocumentImportTest extends RecordsServiceTestBase {
    private static final String LOINC = "http://loinc.org|";

    @Test
    void aBreastIntakeWithItsRecordsCompletesTheChecklistWithoutAnUpload() {
        String caseId = newCaseId();
        List<SubmittedDocument> documents = new ArrayList<>(List.of(
                offer(caseId, "pathology.pdf", pdf("core biopsy: ER+, PR+, HER2 1+, Ki-67 12%"), "application/pdf",
                        LocalDate.now().minusDays(20), LOINC + "60567-5"),
                offer(caseId, "mammogram.pdf", pdf("BI-RADS 5, 21 mm"), "application/pdf", LocalDate.now().minusDays(12),
                        LOINC + "24604-1", "http://loinc.org|LP29684-5"),
                offer(caseId, "first opinion.pdf", pdf("lumpectomy then radiotherapy"), "application/pdf",
                        LocalDate.now().minusDays(5), LOINC + "11488-4"),
                offer(caseId, "medication-statements.json", "{\"resourceType\":\"Bundle\",\"type\":\"collection\"}"
                        .getBytes(StandardCharsets.UTF_8), "application/fhir+json", null, LOINC + "10160-0"),
                offer(caseId, "letter.pdf", pdf("insurance letter"), "application/pdf", null, LOINC + "99999-9")));
        // announced with one fingerprint, served with other bytes: altered on the way
        SubmittedDocument altered = offer(caseId, "altered.pdf", pdf("original"), "application/pdf", null, LOINC + "11526-1");
        IntakeAttachmentServer.serve(caseId, altered.attachmentId(), pdf("tampered"), "application/pdf");
        documents.add(altered);

        KafkaProbe.publish(submitted(caseId, "breast", documents));
        await().atMost(Duration.ofSeconds(30)).until(() -> intakeDocuments(caseId) != null);
        assertThat(states(caseId)).as("no checklist yet: everything waits").containsOnly("PENDING");

        requestRecords(caseId, "breast");
        RecordsCompleted completed = KafkaProbe.awaitPublished(MessageType.RECORDS_COMPLETED, caseId, RecordsCompleted.class);
        assertThat(completed.documentCount()).isEqualTo(4);
        JsonNode records = json(http.get().uri("/cases/{id}/records", caseId));
        assertThat(records.get("status").asText()).isEqualTo("COMPLETE");

        await().atMost(Duration.ofSeconds(30)).until(() -> !states(caseId).contains("PENDING"));
        JsonNode intake = json(http.get().uri("/cases/{id}/intake-documents", caseId));
        assertThat(stateOf(intake, documents.get(0))).isEqualTo("IMPORTED");
        assertThat(itemOf(intake, documents.get(0))).isEqualTo("pathology-report");
        assertThat(itemOf(intake, documents.get(1))).isEqualTo("mammogram-ultrasound");
        assertThat(itemOf(intake, documents.get(2))).isEqualTo("first-opinion");
        assertThat(itemOf(intake, documents.get(3))).isEqualTo("current-medications");
        assertThat(stateOf(intake, documents.get(4))).as("no code names an item").isEqualTo("UNASSIGNED");
        assertThat(stateOf(intake, altered)).isEqualTo("REJECTED");
        assertThat(entry(intake, altered).get("problem").asText()).startsWith("content-mismatch");
        assertThat(storedFiles(caseId)).as("nothing of the altered attachment is kept").isEqualTo(4);

        List<DocumentReceived> received = KafkaProbe.envelopes(MessageType.DOCUMENT_RECEIVED, caseId).stream()
                .map(e -> e.payload(DocumentReceived.class)).toList();
        assertThat(received).extracting(DocumentReceived::sha256).containsExactlyInAnyOrder(
                documents.get(0).sha256(), documents.get(1).sha256(), documents.get(2).sha256(), documents.get(3).sha256());
        assertThat(received).filteredOn(r -> r.checklistItem().equals("current-medications")).singleElement()
                .satisfies(r -> assertThat(r.contentType()).isEqualTo("application/json"));

        // the coordinator files the unassigned one; it is then imported like the others
        String letter = documents.get(4).attachmentId();
        assign(caseId, letter, "{\"item\": \"no-such-item\"}").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:unknown-checklist-item");
        assign(caseId, letter, "{}").expectStatus().isBadRequest();
        assign(caseId, documents.get(0).attachmentId(), "{\"item\": \"treatment-history\"}").expectStatus()
                .isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:not-unassigned");
        assign(caseId, "ffffffffffffffffffffffff", "{\"item\": \"treatment-history\"}").expectStatus().isNotFound();
        assign(caseId, letter, "{\"item\": \"treatment-history\"}").expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(30)).until(() -> "IMPORTED".equals(stateOf(intakeDocuments(caseId), letter)));
        await("its DocumentReceived relayed").atMost(Duration.ofSeconds(30))
                .until(() -> KafkaProbe.envelopes(MessageType.DOCUMENT_RECEIVED, caseId).size() == 5);
    }

    @Test
    void theChecklistMayComeFirstAndARedeliveredCaseSubmittedImportsOnce() {
        String caseId = newCaseId();
        int refused = IntakeAttachmentServer.refused();
        requestRecords(caseId, "lung");
        SubmittedDocument ct = offer(caseId, "ct.pdf", pdf("CT chest: 32 mm RUL mass"), "application/pdf",
                LocalDate.now().minusDays(3), LOINC + "24627-2");
        Envelope submitted = KafkaProbe.publish(submitted(caseId, "lung", List.of(ct)));
        KafkaProbe.publish(submitted); // redelivery: same envelope

        await().atMost(Duration.ofSeconds(30)).until(() -> "IMPORTED".equals(stateOf(intakeDocuments(caseId), ct.attachmentId())));
        assertThat(itemOf(intakeDocuments(caseId), ct)).isEqualTo("ct-chest-abdomen");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> KafkaProbe.envelopes(MessageType.DOCUMENT_RECEIVED, caseId).size() == 1);
        assertThat(storedFiles(caseId)).isEqualTo(1);
        // the stand-in answers only a service token (as intake-service does): records sent its client-credentials token
        assertThat(IntakeAttachmentServer.refused()).isEqualTo(refused);
    }

    @Test
    void anIntakeThatIsDownIsTriedAgainAndAnAttachmentItNeverHasIsRejected() {
        String caseId = newCaseId();
        requestRecords(caseId, "lung");
        SubmittedDocument pathology = offer(caseId, "pathology.pdf", pdf("adenocarcinoma, TTF-1+"), "application/pdf",
                null, "https://consilium.org/fhir/CodeSystem/checklist-item|pathology-report");
        IntakeAttachmentServer.failNext(caseId, pathology.attachmentId(), 2);
        SubmittedDocument gone = new SubmittedDocument("aaaaaaaaaaaaaaaaaaaaaaaa", "gone.pdf", "application/pdf", 10,
                sha256Hex("x".getBytes()), null, List.of(LOINC + "11488-4"));
        KafkaProbe.publish(submitted(caseId, "lung", List.of(pathology, gone)));

        await().atMost(Duration.ofSeconds(30)).until(() -> "IMPORTED".equals(stateOf(intakeDocuments(caseId),
                pathology.attachmentId())));
        JsonNode intake = intakeDocuments(caseId);
        assertThat(itemOf(intake, pathology)).as("named by the item code system").isEqualTo("pathology-report");
        assertThat(entry(intake, pathology).get("attempts").asInt()).as("two 503s, then the bytes").isEqualTo(3);
        assertThat(stateOf(intake, gone)).isEqualTo("REJECTED");
        assertThat(entry(intake, gone).get("problem").asText()).contains("has no attachment");
    }

    /**
     * Issue 11: a document from a hospital's Bundle is as old as its DocumentReference dates it, even when the
     * PDF itself was made today (a hospital renders its reports when it sends them); one the reference does not
     * date is as old as its PDF metadata says. Either way an old scan is STALE and completes nothing.
     */
    @Test
    void anImportedDocumentIsAsOldAsItsFhirDateElseItsPdfMetadata() {
        String caseId = newCaseId();
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        byte[] renderedToday = TinyPdf.of("Mammogram and ultrasound: BI-RADS 5, 21 mm")
                .created(TinyPdf.noonUtc(today)).bytes();
        byte[] oldMri = TinyPdf.of("Breast MRI: no multifocal disease").created(TinyPdf.noonUtc(today.minusDays(70))).bytes();
        SubmittedDocument mammogram = offer(caseId, "mammogram.pdf", renderedToday, "application/pdf",
                today.minusDays(70), LOINC + "24604-1");
        SubmittedDocument mri = offer(caseId, "breast-mri.pdf", oldMri, "application/pdf", null,
                "https://consilium.org/fhir/CodeSystem/checklist-item|breast-mri");
        List<SubmittedDocument> documents = List.of(mammogram, mri,
                offer(caseId, "pathology.pdf", pdf("ER+, PR+, HER2 1+"), "application/pdf", today.minusDays(20),
                        LOINC + "60567-5"),
                offer(caseId, "first opinion.pdf", pdf("mastectomy"), "application/pdf", today.minusDays(5),
                        LOINC + "11488-4"),
                offer(caseId, "medication-statements.json", "{\"resourceType\":\"Bundle\",\"type\":\"collection\"}"
                        .getBytes(StandardCharsets.UTF_8), "application/fhir+json", null, LOINC + "10160-0"));
        requestRecords(caseId, "breast");
        KafkaProbe.publish(submitted(caseId, "breast", documents));

        await().atMost(Duration.ofSeconds(30)).until(() -> intakeDocuments(caseId) != null
                && states(caseId).stream().allMatch("IMPORTED"::equals));
        JsonNode records = json(http.get().uri("/cases/{id}/records", caseId));
        JsonNode mammogramItem = item(records, "mammogram-ultrasound");
        assertThat(mammogramItem.get("status").asText()).as("dated by its DocumentReference").isEqualTo("STALE");
        assertThat(mammogramItem.get("staleReason").asText()).contains(today.minusDays(70).toString());
        assertThat(mammogramItem.at("/documents/0/pdfDate").isTextual()).as("not read: the reference dated it").isFalse();
        JsonNode mriItem = item(records, "breast-mri");
        assertThat(mriItem.get("status").asText()).as("dated by its PDF metadata").isEqualTo("STALE");
        assertThat(mriItem.at("/documents/0/pdfDate").asText()).isEqualTo(today.minusDays(70).toString());
        assertThat(item(records, "pathology-report").get("status").asText()).isEqualTo("RECEIVED");
        assertThat(records.get("status").asText()).isEqualTo("COLLECTING");
        assertThat(KafkaProbe.envelopes(MessageType.RECORDS_COMPLETED, caseId)).isEmpty();
    }

    private static JsonNode item(JsonNode records, String code) {
        return StreamSupport.stream(records.get("items").spliterator(), false)
                .filter(i -> i.get("code").asText().equals(code)).findFirst().orElseThrow();
    }

    // ---- helpers ----

    private static SubmittedDocument offer(String caseId, String title, byte[] content, String contentType,
                                           LocalDate date, String... codes) {
        String attachmentId = new org.bson.types.ObjectId().toHexString();
        IntakeAttachmentServer.serve(caseId, attachmentId, content, contentType);
        return new SubmittedDocument(attachmentId, title, contentType, content.length, sha256Hex(content), date, List.of(codes));
    }

    private static CaseSubmitted submitted(String caseId, String cancerType, List<SubmittedDocument> documents) {
        return new CaseSubmitted(caseId, cancerType, "MAJOR_SURGERY", LocalDate.now().plusDays(30), "Which treatment?",
                "Surgery first", new Recipient("Mei Lin", "mei@example.org", "en"), List.of("en"), "Asia/Singapore",
                "SG", Instant.now(), "General Hospital", documents);
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec assign(String caseId, String attachmentId,
                                                                                            String body) {
        return http.put().uri("/cases/{id}/intake-documents/{a}", caseId, attachmentId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private JsonNode intakeDocuments(String caseId) {
        Document stored = mongo.findById(caseId, Document.class, IntakeDocuments.COLLECTION).block();
        return stored == null ? null : json(http.get().uri("/cases/{id}/intake-documents", caseId));
    }

    private List<String> states(String caseId) {
        return StreamSupport.stream(intakeDocuments(caseId).get("documents").spliterator(), false)
                .map(d -> d.get("state").asText()).toList();
    }

    private static JsonNode entry(JsonNode intake, SubmittedDocument document) {
        return entry(intake, document.attachmentId());
    }

    private static JsonNode entry(JsonNode intake, String attachmentId) {
        return StreamSupport.stream(intake.get("documents").spliterator(), false)
                .filter(d -> d.get("attachmentId").asText().equals(attachmentId)).findFirst().orElseThrow();
    }

    private static String stateOf(JsonNode intake, SubmittedDocument document) {
        return stateOf(intake, document.attachmentId());
    }

    private static String stateOf(JsonNode intake, String attachmentId) {
        return intake == null ? null : entry(intake, attachmentId).get("state").asText();
    }

    private static String itemOf(JsonNode intake, SubmittedDocument document) {
        return entry(intake, document).get("item").asText();
    }

    private long storedFiles(String caseId) {
        return mongo.count(Query.query(where("metadata.caseId").is(caseId)), "fs.files").block();
    }

    private JsonNode json(org.springframework.test.web.reactive.server.WebTestClient.RequestHeadersSpec<?> request) {
        return request.exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
