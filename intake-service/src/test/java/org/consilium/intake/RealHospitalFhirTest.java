package org.consilium.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.SendNotification;
import org.consilium.intake.fhir.IntakeQuestionnaire;
import org.consilium.support.testing.KafkaProbe;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, "Real FHIR from real hospitals": published HL7 examples (src/test/resources/fhir/published,
 * CC0) are read as the specification reads them, and every issue says where it is.
 */
class RealHospitalFhirTest extends IntakeContextTest {
    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theR4SpecsOwnExamplesTravelInABundleThatOpensACase() throws IOException {
        Bundle bundle = FhirBundles.lungTransaction();
        // an unknown code in a code system where no binding requires it, and a relative canonical
        FhirBundles.add(bundle, null, parse("MedicationStatement-example001.json"));
        FhirBundles.add(bundle, null, parse("Procedure-f201.json"));

        created(FhirBundles.json(bundle));
    }

    @Test
    void terminologyTheValidatorCannotCheckIsAWarningBesideTheErrorsThatRefuse() throws IOException {
        Bundle bundle = FhirBundles.lungTransaction();
        FhirBundles.add(bundle, null, parse("MedicationStatement-example001.json"));
        String body = FhirBundles.json(bundle).replace("\"gender\":\"male\"", "\"gender\":\"man\"");

        JsonNode outcome = reject(body);
        assertThat(issues(outcome, "error")).anySatisfy(i -> assertThat(i).contains(".gender"));
        assertThat(issues(outcome, "error")).noneSatisfy(i -> assertThat(i).contains("orderableDrugForm"));
        assertThat(issues(outcome, "warning")).anySatisfy(i -> assertThat(i).contains("v3-orderableDrugForm#Tab"));
    }

    @Test
    void eachFullUrlIssueNamesItsOwnEntry() {
        Bundle bundle = FhirBundles.lungTransaction().setType(Bundle.BundleType.COLLECTION);
        bundle.getEntry().forEach(e -> e.setRequest(null));
        int consent = indexOf(bundle, "Consent");
        int condition = indexOf(bundle, "Condition");
        int study = indexOf(bundle, "ImagingStudy");
        bundle.getEntry().get(consent).setFullUrl("Consent/first");
        bundle.getEntry().get(condition).setFullUrl("Condition/second");
        bundle.getEntry().get(study).setFullUrl("http://example.org/fhir/ImagingStudy/one")
                .getResource().setId("two");

        JsonNode outcome = reject(FhirBundles.json(bundle));
        List<String> fullUrlIssues = new ArrayList<>();
        outcome.get("issue").forEach(i -> {
            if (i.path("diagnostics").asText().contains("fullUrl")) {
                fullUrlIssues.add(i.at("/expression/0").asText() + " | " + i.at("/location/0").asText());
            }
        });
        assertThat(fullUrlIssues).containsExactlyInAnyOrder(
                "Bundle.entry[" + consent + "].fullUrl | Bundle.entry[" + consent + "].fullUrl",
                "Bundle.entry[" + condition + "].fullUrl | Bundle.entry[" + condition + "].fullUrl",
                "Bundle.entry[" + study + "].fullUrl | Bundle.entry[" + study + "].fullUrl");
    }

    /**
     * The mCODE STU4 patient bundle as published, with what the patient adds in Consilium (consent, the
     * self-check, their e-mail): its stage summary is a 62-character SNOMED CT display and its country
     * "United States".
     */
    @Test
    void anMcodeBundleWithALongStageAndACountryNameOpensACase() throws IOException {
        Bundle bundle = completedByThePatient(mcodeJennyM());

        String caseId = created(FhirBundles.json(bundle));
        CaseSubmitted event = KafkaProbe.awaitPublished(MessageType.CASE_SUBMITTED, caseId, CaseSubmitted.class);
        assertThat(event.country()).isEqualTo("US");
        assertThat(event.cancerType()).isEqualTo("breast");
        String export = http.get().uri("/cases/{id}/$export", caseId).accept(FHIR_JSON).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(export).contains("American Joint Committee on Cancer stage IIIC (qualifier value)");
    }

    @Test
    void aCountryNoOneKnowsIsNamedWithItsField() throws IOException {
        Bundle bundle = completedByThePatient(mcodeJennyM());
        ((Patient) bundle.getEntryFirstRep().getResource()).getAddressFirstRep().setCountry("Atlantis");

        JsonNode outcome = reject(FhirBundles.json(bundle));
        assertThat(issues(outcome, "error")).containsOnlyOnce(
                "Bundle.entry[0].resource.address[0].country: patient country 'Atlantis' is not a country this service "
                        + "knows: write its ISO 3166 code (US, ID, AE) or its English name (United States, Indonesia)");
        assertThat(issues(outcome, "error")).noneSatisfy(i -> assertThat(i).contains("intake patient.country"));
    }

    /**
     * The mCODE patient bundle exactly as published: records, no Consent, no QuestionnaireResponse, no
     * e-mail for the patient. The case waits for the patient; the coordinator sees it in the queue and
     * records the patient's answers; only then is it submitted.
     */
    @Test
    void aHospitalBundleWithoutConsentOrQuestionWaitsForThePatient() throws IOException {
        String caseId = created(published("Bundle-mcode-patient-bundle-jenny-m.json"));

        http.get().uri("/cases/{id}", caseId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.stage").isEqualTo("AWAITING_PATIENT")
                .jsonPath("$.history[0].stage").isEqualTo("AWAITING_PATIENT")
                .jsonPath("$.cancerType").isEqualTo("breast")
                // the diagnosis as the hospital sent it: what the coordinator confirms triage on (console, Review intake)
                .jsonPath("$.diagnosis.cancerType").isEqualTo("breast")
                .jsonPath("$.awaitedFromPatient").value(awaited -> assertThat(strings(awaited)).contains(
                        "consent.review", "consent.shareWithPanel", "patient.email", "patient.timeZone", "firstOpinion",
                        "decisionsAtStake", "treatmentGoal", "questionForPanel"));
        assertThat(serviceRequestStatus(caseId)).isEqualTo("draft");
        http.get().uri("/cases?stage=AWAITING_PATIENT").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.caseId == '" + caseId + "')].patientEmailKnown").isEqualTo(List.of(false));
        as("jenny", "jenny.m@example.org", "patient").get().uri("/cases?stage=AWAITING_PATIENT").exchange()
                .expectStatus().isForbidden();
        // the consent is given with the question, not on its own
        http.post().uri("/cases/{id}/consent", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"purpose\": \"REVIEW\", \"granted\": true}").exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:case-awaiting-patient");

        // answers that leave the intake incomplete: every missing field at once, nothing changes
        answer(caseId, ANSWERS.replace("\"timeZone\": \"America/New_York\", \"email\": \"jenny.m@example.org\",", ""))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:validation")
                .jsonPath("$.errors[*].field").isEqualTo(List.of("patient.email", "patient.timeZone"));

        // a coordinator records what the patient said on the phone
        answer(caseId, ANSWERS).expectStatus().isOk().expectBody()
                .jsonPath("$.stage").isEqualTo("SUBMITTED")
                .jsonPath("$.awaitedFromPatient.length()").isEqualTo(0)
                .jsonPath("$.consents.REVIEW").isEqualTo(true)
                .jsonPath("$.consents.CONTACT_CURRENT_DOCTOR").isEqualTo(false);
        CaseSubmitted event = KafkaProbe.awaitPublished(MessageType.CASE_SUBMITTED, caseId, CaseSubmitted.class);
        assertThat(event.questionForPanel()).isEqualTo("Is breast-conserving surgery still possible for me?");
        assertThat(event.country()).isEqualTo("US");
        assertThat(event.contact().email()).isEqualTo("jenny.m@example.org");
        assertThat(event.timeZone()).isEqualTo("America/New_York");
        // the outbox relays a case's events in order: had the waiting case published one, it would be here first
        // (one event, perhaps sent twice with its id: delivery is at least once)
        assertThat(KafkaProbe.envelopes(MessageType.CASE_SUBMITTED, caseId).stream().map(Envelope::id).distinct()).hasSize(1);
        assertThat(serviceRequestStatus(caseId)).isEqualTo("active");

        answer(caseId, ANSWERS).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("urn:consilium:problem:case-not-awaiting-patient");
        assertThat(KafkaProbe.envelopes(MessageType.SEND_NOTIFICATION, caseId)).as("no address, no mail: the "
                + "coordinators' queue is how she is reached").isEmpty();
    }

    /** A Bundle that names the patient's e-mail: the patient signs in and answers for themselves. */
    @Test
    void thePatientAHospitalBundleNamesAnswersThemselves() throws IOException {
        Bundle bundle = mcodeJennyM();
        ((Patient) bundle.getEntryFirstRep().getResource()).addTelecom()
                .setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("jenny.m@example.org");
        String caseId = created(FhirBundles.json(bundle));
        var jenny = as("jenny", "jenny.m@example.org", "patient");

        // she is asked by e-mail, once: her hospital gave her address
        SendNotification asked = KafkaProbe.awaitPublished(MessageType.SEND_NOTIFICATION, caseId, SendNotification.class);
        assertThat(asked.purpose()).isEqualTo(NotificationPurpose.PATIENT_ANSWERS_REQUESTED);
        assertThat(asked.recipient().email()).isEqualTo("jenny.m@example.org");
        assertThat(asked.parameters().get("awaited")).contains("questionForPanel");
        assertThat(NotificationPurpose.PATIENT_ANSWERS_REQUESTED.undeclared(asked.parameters())).isEmpty();
        jenny.get().uri("/cases/{id}", caseId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.stage").isEqualTo("AWAITING_PATIENT")
                .jsonPath("$.awaitedFromPatient").value(awaited -> assertThat(strings(awaited))
                        .doesNotContain("patient.email").contains("questionForPanel"));
        as("someone", "someone@example.org", "patient").post().uri("/cases/{id}/questionnaire", caseId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(ANSWERS).exchange().expectStatus().isForbidden();

        jenny.post().uri("/cases/{id}/questionnaire", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ANSWERS.replace("\"email\": \"jenny.m@example.org\",", "")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.stage").isEqualTo("SUBMITTED");
        assertThat(KafkaProbe.awaitPublished(MessageType.CASE_SUBMITTED, caseId, CaseSubmitted.class).contact().email())
                .isEqualTo("jenny.m@example.org");
    }

    static final String ANSWERS = """
            {"consent": {"review": true, "shareWithPanel": true, "crossBorderTransfer": true, "contactCurrentDoctor": false},
             "timeZone": "America/New_York", "email": "jenny.m@example.org",
             "firstOpinion": {"summary": "Mastectomy, then chemotherapy and radiotherapy", "author": "Dr Owen Oncologist",
                              "date": "2025-01-15"},
             "decisionsAtStake": ["ORGAN_REMOVAL"], "treatmentGoal": "CURE",
             "questionForPanel": "Is breast-conserving surgery still possible for me?"}
            """;

    WebTestClient.ResponseSpec answer(String caseId, String answers) {
        return http.post().uri("/cases/{id}/questionnaire", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(answers).exchange();
    }

    static List<String> strings(Object jsonArray) {
        return ((List<?>) jsonArray).stream().map(String::valueOf).toList();
    }

    String serviceRequestStatus(String caseId) throws IOException {
        return JSON.readTree(http.get().uri("/fhir/ServiceRequest/{id}", caseId).accept(FHIR_JSON).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()).get("status").asText();
    }

    // ---- helpers ----

    static Bundle mcodeJennyM() throws IOException {
        return FhirBundles.FHIR.newJsonParser().parseResource(Bundle.class, published("Bundle-mcode-patient-bundle-jenny-m.json"));
    }

    /** The consent and self-check a patient gives in Consilium, and their own e-mail. */
    static Bundle completedByThePatient(Bundle bundle) {
        ((Patient) bundle.getEntryFirstRep().getResource()).addTelecom()
                .setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("jenny.m@example.org");
        for (String purpose : List.of("review", "share-with-panel")) {
            FhirBundles.add(bundle, null, FhirBundles.consent(purpose, true));
        }
        QuestionnaireResponse selfCheck = FhirBundles.selfCheck();
        selfCheck.getItem().removeIf(i -> i.getLinkId().equals(IntakeQuestionnaire.CAREGIVER_HAS_CONSENT));
        FhirBundles.add(bundle, null, selfCheck);
        return bundle;
    }

    String created(String body) {
        var result = http.post().uri("/fhir").contentType(FHIR_JSON).bodyValue(body).exchange()
                .expectBody(String.class).returnResult();
        assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(201);
        return result.getResponseHeaders().getLocation().getPath().replace("/cases/", "");
    }



    static Resource parse(String published) throws IOException {
        return (Resource) FhirBundles.FHIR.newJsonParser().parseResource(published(published));
    }

    static String published(String name) throws IOException {
        return new ClassPathResource("fhir/published/" + name).getContentAsString(StandardCharsets.UTF_8);
    }

    JsonNode reject(String body) {
        String outcome = http.post().uri("/fhir").contentType(FHIR_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(422).expectBody(String.class).returnResult().getResponseBody();
        try {
            return JSON.readTree(outcome);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "location: diagnostics" of each issue of this severity. */
    static List<String> issues(JsonNode outcome, String severity) {
        List<String> found = new ArrayList<>();
        outcome.get("issue").forEach(i -> {
            if (severity.equals(i.path("severity").asText())) {
                found.add(i.at("/location/0").asText() + ": " + i.path("diagnostics").asText());
            }
        });
        return found;
    }

    private static int indexOf(Bundle bundle, String type) {
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            if (bundle.getEntry().get(i).getResource().fhirType().equals(type)) {
                return i;
            }
        }
        throw new IllegalArgumentException(type);
    }
}
