package org.consilium.intake;

import ca.uhn.fhir.validation.SingleValidationMessage;
import com.fasterxml.jackson.databind.JsonNode;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.CaseWithdrawn;
import org.consilium.events.MessageType;
import org.consilium.events.SubmittedDocument;
import org.consilium.intake.fhir.FhirValidation;
import org.consilium.intake.fhir.IntakeQuestionnaire;
import org.consilium.intake.request.CaseIntake;
import org.consilium.support.testing.KafkaProbe;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** FHIR R4 import and export of the intake, against the embedded Kafka broker and MongoDB. */
class FhirIntakeTest extends IntakeContextTest {
    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    FhirValidation validation;

    @Test
    void aTransactionBundleOpensTheCaseThroughTheSameDomainPath() {
        JsonNode serviceRequest = post(FhirBundles.json(FhirBundles.lungTransaction()), 201);
        String caseId = serviceRequest.get("id").asText();
        assertThat(serviceRequest.get("resourceType").asText()).isEqualTo("ServiceRequest");
        assertThat(serviceRequest.get("status").asText()).isEqualTo("active");

        CaseSubmitted event = KafkaProbe.awaitPublished(MessageType.CASE_SUBMITTED, caseId, CaseSubmitted.class);
        assertThat(event.cancerType()).as("ICD-10 C34.1").isEqualTo("lung");
        assertThat(event.decisionAtStake()).isEqualTo("MAJOR_SURGERY");
        assertThat(event.contact().email()).as("the caregiver (RelatedPerson) hears from us").isEqualTo("siti@example.org");
        assertThat(event.contact().language()).isEqualTo("id");
        assertThat(event.timeZone()).isEqualTo("Asia/Jakarta");
        assertThat(event.country()).isEqualTo("ID");
        assertThat(event.plannedTreatmentStart()).hasToString("2026-12-07");
        assertThat(event.firstOpinion()).isEqualTo("Lobectomy followed by adjuvant chemotherapy");

        http.get().uri("/cases/{id}", caseId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.stage").isEqualTo("SUBMITTED")
                .jsonPath("$.questionnaireVersion").isEqualTo(CaseIntake.VERSION)
                .jsonPath("$.consents.CROSS_BORDER_TRANSFER").isEqualTo(true)
                // the four resources, and the MedicationStatements as one document for the checklist
                .jsonPath("$.submittedRecords.length()").isEqualTo(5)
                .jsonPath("$.submittedRecords[?(@.resourceType == 'DocumentReference')].size").isEqualTo(48213)
                .jsonPath("$.submittedRecords[?(@.resourceType == 'DocumentReference')].url")
                .isEqualTo("https://records.example.org/letters/123.pdf")
                .jsonPath("$.submittedRecords[?(@.resourceType == 'DiagnosticReport')].contentType").isEqualTo("application/pdf")
                .jsonPath("$.submittedRecords[?(@.resourceType == 'ImagingStudy')].title")
                .isEqualTo("CT chest with contrast (2 series, 240 instances)")
                .jsonPath("$.submittedRecords[?(@.resourceType == 'MedicationStatement')].title")
                .isEqualTo(List.of("Metformin 500 mg twice daily", "Medication statements (1, from the FHIR Bundle)"));
    }

    @Test
    void inlineAttachmentsAreKeptForRecordsServiceAndOnlyTheirFingerprintsTravel() {
        String caseId = post(FhirBundles.json(FhirBundles.lungTransaction()), 201).get("id").asText();

        CaseSubmitted event = KafkaProbe.awaitPublished(MessageType.CASE_SUBMITTED, caseId, CaseSubmitted.class);
        assertThat(event.documents()).as("the pathology PDF sent inline and the medication list; not the letter sent "
                + "as a link").hasSize(2);
        SubmittedDocument pathology = event.documents().get(0);
        byte[] pdf = "%PDF-1.4 pathology".getBytes(StandardCharsets.US_ASCII);
        assertThat(pathology.codes()).contains("http://loinc.org|60567-5");
        assertThat(pathology.size()).isEqualTo(pdf.length);
        assertThat(pathology.sha256()).isEqualTo(sha256(pdf));
        assertThat(pathology.documentDate()).hasToString("2026-11-02");
        byte[] fetched = http.get().uri("/cases/{id}/attachments/{a}", caseId, pathology.attachmentId()).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/pdf")
                .expectHeader().contentLength(pdf.length)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(fetched).isEqualTo(pdf);

        SubmittedDocument medications = event.documents().get(1);
        assertThat(medications.codes()).containsExactly("http://loinc.org|10160-0");
        String list = http.get().uri("/cases/{id}/attachments/{a}", caseId, medications.attachmentId()).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(list).contains("Metformin 500 mg twice daily");
        assertThat(sha256(list.getBytes(StandardCharsets.UTF_8))).isEqualTo(medications.sha256());

        // an attachment is only ever served for its own case
        String other = post(FhirBundles.json(FhirBundles.lungTransaction()), 201).get("id").asText();
        http.get().uri("/cases/{id}/attachments/{a}", other, pathology.attachmentId()).exchange()
                .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/cases/{id}/attachments/{a}", caseId, "not-an-id").exchange().expectStatus().isNotFound();
    }

    /**
     * Issue 11: a hospital's DocumentReference dates its document (the service's period, the attachment's
     * creation, or the reference's date, in that order), and that date travels to records as the document's
     * date, the day as the sender wrote it; before, only {@code date} did, shifted to UTC.
     */
    @Test
    void theDatesOfADocumentReferenceTravelAsTheDocumentsDate() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Bundle bundle = FhirBundles.lungTransaction();
        DocumentReference byPeriod = FhirBundles.ctReport("CT by period");
        byPeriod.setDateElement(new InstantType(today.minusDays(1) + "T09:00:00Z")); // when the hospital indexed it
        byPeriod.getContext().setPeriod(new Period().setStartElement(new DateTimeType(today.minusDays(71).toString()))
                .setEndElement(new DateTimeType(today.minusDays(70).toString())));
        byPeriod.getContentFirstRep().getAttachment().setCreationElement(new DateTimeType(today.minusDays(20).toString()));
        DocumentReference ongoing = FhirBundles.ctReport("CT of an ongoing period");
        ongoing.getContext().setPeriod(new Period().setStartElement(new DateTimeType(today.minusDays(65).toString())));
        DocumentReference byCreation = FhirBundles.ctReport("CT by creation");
        byCreation.setDateElement(new InstantType(today.minusDays(1) + "T09:00:00Z"));
        byCreation.getContentFirstRep().getAttachment()
                .setCreationElement(new DateTimeType(today.minusDays(70) + "T23:30:00+07:00"));
        DocumentReference byDate = FhirBundles.ctReport("CT by date");
        // 01:00 in Jakarta is the evening before in UTC: the day is the one the sender wrote
        byDate.setDateElement(new InstantType(today.minusDays(70) + "T01:00:00+07:00"));
        for (DocumentReference document : List.of(byPeriod, ongoing, byCreation, byDate)) {
            FhirBundles.add(bundle, null, document);
        }
        String caseId = post(FhirBundles.json(bundle), 201).get("id").asText();

        CaseSubmitted event = KafkaProbe.awaitPublished(MessageType.CASE_SUBMITTED, caseId, CaseSubmitted.class);
        java.util.Map<String, LocalDate> dates = new java.util.HashMap<>();
        event.documents().forEach(d -> dates.put(d.title(), d.documentDate()));
        assertThat(dates).containsEntry("CT by period", today.minusDays(70))
                .containsEntry("CT of an ongoing period", today.minusDays(65))
                .containsEntry("CT by creation", today.minusDays(70))
                .containsEntry("CT by date", today.minusDays(70));
    }

    @Test
    void aDocumentReferenceDatedInTheFutureIsRefusedAtThatDate() {
        long cases = countCases();
        Bundle bundle = FhirBundles.lungTransaction();
        DocumentReference report = FhirBundles.ctReport("CT from the future");
        report.getContentFirstRep().getAttachment()
                .setCreationElement(new DateTimeType(LocalDate.now(ZoneOffset.UTC).plusDays(3).toString()));
        FhirBundles.add(bundle, null, report);
        int at = bundle.getEntry().size() - 1;

        JsonNode outcome = reject(FhirBundles.json(bundle), 422);
        assertThat(errorLocations(outcome)).containsExactly("Bundle.entry[" + at + "].resource.content[0].attachment.creation");
        assertThat(diagnostics(outcome)).anySatisfy(d -> assertThat(d).contains("is in the future"));
        assertThat(countCases()).isEqualTo(cases);
    }

    @Test
    void aCutOrAlteredAttachmentIsRefusedWithItsLocationAndNothingIsStored() {
        long cases = countCases();
        long files = count("fs.files");
        Bundle bundle = FhirBundles.lungTransaction();
        org.hl7.fhir.r4.model.Attachment pdf = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof org.hl7.fhir.r4.model.DiagnosticReport).findFirst()
                .map(r -> ((org.hl7.fhir.r4.model.DiagnosticReport) r).getPresentedFormFirstRep()).orElseThrow();
        pdf.setSize(999_999).setHash(new byte[20]);
        JsonNode outcome = reject(FhirBundles.json(bundle), 422);
        assertThat(errorLocations(outcome)).allSatisfy(l -> assertThat(l).endsWith("DiagnosticReport*/.presentedForm[0]"));
        assertThat(diagnostics(outcome)).anySatisfy(d -> assertThat(d).contains("Size 999,999 does not match actual "
                + "attachment size 18")).anySatisfy(d -> assertThat(d).contains("hash of the data did not match"));

        pdf.setSize(18).setHash(null).setContentType("pdf");
        assertThat(diagnostics(reject(FhirBundles.json(bundle), 422))).anySatisfy(d -> assertThat(d).contains("pdf"));
        assertThat(countCases()).isEqualTo(cases);
        assertThat(count("fs.files")).as("no attachment of a refused Bundle is kept").isEqualTo(files);
    }

    @Test
    void theCaseReadsBackAsValidFhir() {
        String caseId = post(FhirBundles.json(FhirBundles.lungTransaction()), 201).get("id").asText();

        String serviceRequest = getFhir("/fhir/ServiceRequest/" + caseId);
        assertValid(serviceRequest);
        JsonNode request = parse(serviceRequest);
        assertThat(request.get("status").asText()).isEqualTo("active");
        assertThat(request.at("/subject/reference").asText()).isEqualTo("Patient/patient-" + caseId);

        String export = getFhir("/cases/" + caseId + "/$export");
        assertValid(export);
        JsonNode bundle = parse(export);
        assertThat(bundle.get("type").asText()).isEqualTo("collection");
        List<String> types = StreamSupport.stream(bundle.get("entry").spliterator(), false)
                .map(e -> e.at("/resource/resourceType").asText()).toList();
        assertThat(types).containsExactly("Patient", "RelatedPerson", "Consent", "Consent", "Consent", "Consent",
                "Condition", "ServiceRequest", "QuestionnaireResponse");

        // the export is itself an importable Bundle: the round trip opens an equal case
        String again = post(export, 201).get("id").asText();
        CaseSubmitted first = KafkaProbe.awaitPublished(MessageType.CASE_SUBMITTED, caseId, CaseSubmitted.class);
        CaseSubmitted second = KafkaProbe.awaitPublished(MessageType.CASE_SUBMITTED, again, CaseSubmitted.class);
        assertThat(second.cancerType()).isEqualTo(first.cancerType());
        assertThat(second.questionForPanel()).isEqualTo(first.questionForPanel());
        assertThat(second.contact()).isEqualTo(first.contact());

        http.post().uri("/cases/{id}/withdraw", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\": \"Treated locally\"}").exchange().expectStatus().isAccepted();
        assertThat(parse(getFhir("/fhir/ServiceRequest/" + caseId)).get("status").asText()).isEqualTo("revoked");
    }

    @Test
    void unreadableOrInvalidFhirIsAnOperationOutcomeAndStoresNothing() {
        long before = countCases();
        JsonNode unreadable = reject("{\"resourceType\": \"Bundle\", ", 400);
        assertThat(unreadable.at("/issue/0/severity").asText()).isEqualTo("fatal");
        assertThat(unreadable.at("/issue/0/location/0").asText()).startsWith("line 1");

        JsonNode notABundle = reject(FhirBundles.json(FhirBundles.patient()), 400);
        assertThat(notABundle.at("/issue/0/diagnostics").asText()).contains("expected a Bundle");

        // against the R4 base profiles: a bad code, an unknown element, a Consent without its required status
        String invalid = FhirBundles.json(FhirBundles.lungTransaction())
                .replace("\"gender\":\"male\"", "\"gender\":\"man\"")
                .replace("\"description\":\"CT chest with contrast\"", "\"description\":\"CT chest\",\"colour\":\"grey\"")
                .replaceFirst("\"status\":\"active\",\"scope\"", "\"scope\"");
        JsonNode outcome = reject(invalid, 422);
        List<String> locations = locations(outcome);
        assertThat(locations).anySatisfy(l -> assertThat(l).contains("gender"));
        assertThat(diagnostics(outcome)).anySatisfy(d -> assertThat(d).contains("colour"));
        assertThat(locations).anySatisfy(l -> assertThat(l).contains("Consent"));
        assertThat(countCases()).isEqualTo(before);
    }

    @Test
    void aBundleMissingWhatIntakeNeedsNamesEachGapAndStoresNothing() {
        long before = countCases();
        Bundle bundle = FhirBundles.lungTransaction();
        bundle.getEntry().removeIf(e -> e.getResource() instanceof org.hl7.fhir.r4.model.Consent c
                && c.getProvision().getPurposeFirstRep().getCode().equals("review"));
        ((Patient) resource(bundle, "Patient")).getTelecom().clear();
        QuestionnaireResponse selfCheck = (QuestionnaireResponse) resource(bundle, "QuestionnaireResponse");
        selfCheck.getItem().removeIf(i -> i.getLinkId().equals(IntakeQuestionnaire.QUESTION_FOR_PANEL)
                || i.getLinkId().equals(IntakeQuestionnaire.CAREGIVER_HAS_CONSENT));
        selfCheck.getItem().stream().filter(i -> i.getLinkId().equals(IntakeQuestionnaire.DECISIONS_AT_STAKE))
                .forEach(i -> i.getAnswerFirstRep().getValueCoding().setCode("ASTROLOGY"));

        JsonNode outcome = reject(FhirBundles.json(bundle), 422);
        String selfCheckEntry = "Bundle.entry[" + bundle.getEntry().indexOf(bundle.getEntry().stream()
                .filter(e -> e.getResource() == selfCheck).findFirst().orElseThrow()) + "].resource";
        assertThat(locations(outcome)).contains(
                "Bundle.entry[0].resource.telecom.where(system='email')",
                "Bundle.entry.resource.ofType(Consent).where(provision.purpose.code='review')",
                selfCheckEntry + ".repeat(item).where(linkId='question-for-panel')",
                selfCheckEntry + ".repeat(item).where(linkId='caregiver-has-patient-consent')",
                selfCheckEntry + ".repeat(item).where(linkId='decisions-at-stake')");
        assertThat(diagnostics(outcome)).anySatisfy(d -> assertThat(d).contains("unknown answer 'ASTROLOGY'"));
        assertThat(countCases()).isEqualTo(before);
    }

    /**
     * Published examples from the HL7 mCODE IG (CC0; see src/test/resources/fhir/README.md): the
     * R4 base profiles accept them. As published (a hospital's records: no Consent, no
     * QuestionnaireResponse) they open a case that waits for the patient, naming what the patient
     * still has to give; with the patient's part added they open a submitted case.
     */
    @Test
    void publishedMcodeExamplesAreValidatedAndMappedOrWaitForThePatient() throws IOException {
        Patient patient = FhirBundles.FHIR.newJsonParser().parseResource(Patient.class, published("mcode-CancerPatient-example01.json"));
        org.hl7.fhir.r4.model.Condition condition = FhirBundles.FHIR.newJsonParser()
                .parseResource(org.hl7.fhir.r4.model.Condition.class, published("mcode-PrimaryCancerCondition-example01-r4.json"));
        Bundle asPublished = new Bundle().setType(Bundle.BundleType.COLLECTION);
        FhirBundles.add(asPublished, "http://example.org/fhir/Patient/mCODEPatientExample01", patient);
        FhirBundles.add(asPublished, "http://example.org/fhir/Condition/mCODEPrimaryCancerConditionExample01r4", condition);

        String waiting = post(FhirBundles.json(asPublished), 201).get("id").asText();
        http.get().uri("/cases/{id}", waiting).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.stage").isEqualTo("AWAITING_PATIENT")
                .jsonPath("$.awaitedFromPatient").isEqualTo(List.of("consent.review", "consent.shareWithPanel",
                        "decisionsAtStake", "firstOpinion", "patient.email", "patient.timeZone", "questionForPanel",
                        "treatmentGoal"));
        assertValid(getFhir("/cases/" + waiting + "/$export"));

        // completed with what the patient adds in Consilium, the same published resources open a case
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("john.anyperson@example.com");
        Bundle completed = asPublished.copy();
        for (String purpose : List.of("review", "share-with-panel")) {
            FhirBundles.add(completed, null, FhirBundles.consent(purpose, true));
        }
        FhirBundles.add(completed, null, FhirBundles.selfCheck());
        completed.getEntry().get(0).setResource(patient);
        String caseId = post(FhirBundles.json(completed), 201).get("id").asText();
        CaseSubmitted event = KafkaProbe.awaitPublished(MessageType.CASE_SUBMITTED, caseId, CaseSubmitted.class);
        assertThat(event.cancerType()).as("SNOMED CT 254637007 non-small cell lung cancer").isEqualTo("lung");
        assertThat(event.country()).isEqualTo("US");
        assertThat(event.languages()).containsExactly("en-US");
        assertThat(event.contact().email()).isEqualTo("john.anyperson@example.com");
        assertValid(getFhir("/cases/" + caseId + "/$export"));
    }

    @Test
    void theQuestionnaireIsVersionedAndNamesTheLinkIdsTheImportReads() {
        String questionnaire = getFhir("/questionnaire");
        assertValid(questionnaire);
        JsonNode q = parse(questionnaire);
        assertThat(q.get("version").asText()).isEqualTo(CaseIntake.VERSION);
        assertThat(q.get("url").asText()).isEqualTo(IntakeQuestionnaire.URL);
        List<String> linkIds = new ArrayList<>();
        q.findValues("linkId").forEach(l -> linkIds.add(l.asText()));
        assertThat(linkIds).contains(IntakeQuestionnaire.TIME_ZONE, IntakeQuestionnaire.DECISIONS_AT_STAKE,
                IntakeQuestionnaire.TREATMENT_GOAL, IntakeQuestionnaire.WHAT_SEEMS_MISSING, IntakeQuestionnaire.OPEN_CONCERNS,
                IntakeQuestionnaire.PLANNED_TREATMENT_START, IntakeQuestionnaire.QUESTION_FOR_PANEL,
                IntakeQuestionnaire.FIRST_OPINION_SUMMARY, IntakeQuestionnaire.FIRST_OPINION_AUTHOR,
                IntakeQuestionnaire.FIRST_OPINION_DATE, IntakeQuestionnaire.PREVIOUS_OPINION,
                IntakeQuestionnaire.CAREGIVER_HAS_CONSENT);
        // and every linkId the test self-check answers is one the questionnaire asks
        List<String> answered = new ArrayList<>();
        parse(FhirBundles.json(FhirBundles.selfCheck())).findValues("linkId").forEach(l -> answered.add(l.asText()));
        assertThat(linkIds).containsAll(answered);
    }

    @Test
    void consentIsRecordedPerPurposeAndWithdrawingReviewWithdrawsTheCase() {
        String caseId = post(FhirBundles.json(FhirBundles.lungTransaction()), 201).get("id").asText();
        consent(caseId, "{\"purpose\": \"CROSS_BORDER_TRANSFER\", \"granted\": false}").expectStatus().isOk()
                .expectBody().jsonPath("$.stage").isEqualTo("SUBMITTED")
                .jsonPath("$.consents.CROSS_BORDER_TRANSFER").isEqualTo(false)
                .jsonPath("$.consents.REVIEW").isEqualTo(true)
                .jsonPath("$.consentHistory.length()").isEqualTo(5)
                .jsonPath("$.consentHistory[4].purpose").isEqualTo("CROSS_BORDER_TRANSFER")
                .jsonPath("$.consentHistory[4].at").exists();
        JsonNode export = parse(getFhir("/cases/" + caseId + "/$export"));
        assertThat(export.findValues("provision").stream()
                .filter(p -> p.at("/purpose/0/code").asText().equals("cross-border-transfer"))
                .map(p -> p.get("type").asText())).containsExactly("deny");

        consent(caseId, "{\"purpose\": \"REVIEW\", \"granted\": false}").expectStatus().isOk()
                .expectBody().jsonPath("$.stage").isEqualTo("WITHDRAWN")
                .jsonPath("$.withdrawalReason").isEqualTo("consent for review withdrawn");
        CaseWithdrawn withdrawn = KafkaProbe.awaitPublished(MessageType.CASE_WITHDRAWN, caseId, CaseWithdrawn.class);
        assertThat(withdrawn.reason()).isEqualTo("consent for review withdrawn");

        consent(caseId, "{\"purpose\": \"MARKETING\", \"granted\": true}").expectStatus().isBadRequest();
        consent(caseId, "{\"purpose\": \"REVIEW\"}").expectStatus().isBadRequest();
        consent("case-nope", "{\"purpose\": \"REVIEW\", \"granted\": true}").expectStatus().isNotFound();
    }

    @Test
    void aRetriedImportWithTheSameIdempotencyKeyOpensOneCaseAndASearchsetIsRefused() {
        String bundle = FhirBundles.json(FhirBundles.lungTransaction());
        String key = java.util.UUID.randomUUID().toString();
        String first = http.post().uri("/fhir").header("Idempotency-Key", key).contentType(FHIR_JSON).bodyValue(bundle)
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asText();
        String second = http.post().uri("/fhir").header("Idempotency-Key", key).contentType(FHIR_JSON).bodyValue(bundle)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asText();
        assertThat(second).isEqualTo(first);

        long before = countCases();
        Bundle searchset = FhirBundles.lungTransaction();
        searchset.setType(Bundle.BundleType.SEARCHSET);
        searchset.getEntry().forEach(e -> e.setRequest(null));
        JsonNode outcome = reject(FhirBundles.json(searchset), 422);
        assertThat(locations(outcome)).contains("Bundle.type");
        assertThat(countCases()).isEqualTo(before);
    }

    @Test
    void anUnknownCaseIsA404OperationOutcome() {
        for (String path : List.of("/fhir/ServiceRequest/case-nope", "/cases/case-nope/$export")) {
            JsonNode outcome = http.get().uri(path).accept(FHIR_JSON).exchange().expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(FHIR_JSON)
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(outcome.get("resourceType").asText()).isEqualTo("OperationOutcome");
            assertThat(outcome.at("/issue/0/code").asText()).isEqualTo("not-found");
        }
    }

    // ---- helpers ----

    private JsonNode post(String bundle, int status) {
        var result = http.post().uri("/fhir").contentType(FHIR_JSON).bodyValue(bundle).exchange()
                .expectBody(String.class).returnResult();
        assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(status);
        assertThat(result.getResponseHeaders().getContentType()).matches(FHIR_JSON::isCompatibleWith);
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/cases/" + parse(result.getResponseBody()).get("id").asText());
        return parse(result.getResponseBody());
    }

    private JsonNode reject(String body, int status) {
        JsonNode outcome = http.post().uri("/fhir").contentType(FHIR_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(FHIR_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(outcome.get("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(outcome.get("issue")).isNotEmpty();
        return outcome;
    }

    private WebTestClient.ResponseSpec consent(String caseId, String body) {
        return http.post().uri("/cases/{id}/consent", caseId).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private String getFhir(String path) {
        return http.get().uri(path).accept(FHIR_JSON).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(FHIR_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private void assertValid(String resource) {
        List<SingleValidationMessage> errors = validation.errors(resource);
        assertThat(errors).as("validation errors").isEmpty();
    }

    private static JsonNode parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> locations(JsonNode outcome) {
        List<String> locations = new ArrayList<>();
        outcome.get("issue").forEach(i -> i.path("location").forEach(l -> locations.add(l.asText())));
        return locations;
    }

    /** Where the errors are (warnings, such as a LOINC code the offline validator cannot check, aside). */
    private static List<String> errorLocations(JsonNode outcome) {
        List<String> locations = new ArrayList<>();
        outcome.get("issue").forEach(i -> {
            if (!i.path("severity").asText().equals("warning")) {
                i.path("location").forEach(l -> locations.add(l.asText()));
            }
        });
        return locations;
    }

    private static List<String> diagnostics(JsonNode outcome) {
        List<String> diagnostics = new ArrayList<>();
        outcome.get("issue").forEach(i -> diagnostics.add(i.path("diagnostics").asText()));
        return diagnostics;
    }

    private static List<String> codes(JsonNode outcome) {
        List<String> codes = new ArrayList<>();
        outcome.get("issue").forEach(i -> codes.add(i.path("code").asText()));
        return codes;
    }

    private static Resource resource(Bundle bundle, String type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r.fhirType().equals(type)).findFirst().orElseThrow();
    }

    private static String published(String name) throws IOException {
        return new ClassPathResource("fhir/" + name).getContentAsString(StandardCharsets.UTF_8);
    }

    private long count(String collection) {
        return mongo.getCollection(collection).flatMap(c -> Mono.from(c.countDocuments())).block();
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private long countCases() {
        return mongo.getCollection("cases").flatMap(c -> Mono.from(c.countDocuments())).block();
    }
}
