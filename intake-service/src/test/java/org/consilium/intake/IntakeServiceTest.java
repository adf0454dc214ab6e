package org.consilium.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.consilium.events.CaseAccepted;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.ConsentChanged;
import org.consilium.events.Recipient;
import org.consilium.events.CaseWithdrawn;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.events.RecordsCompleted;
import org.consilium.events.Urgency;
import org.consilium.events.CaseDeclined;
import org.consilium.events.CaseMessage;
import org.consilium.events.DocumentReceived;
import org.consilium.events.MdtConcluded;
import org.consilium.events.MdtScheduled;
import org.consilium.events.ReportContent;
import org.consilium.events.ReportDelivered;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class IntakeServiceTest extends IntakeContextTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void submittedCaseIsStoredAndAnnouncedWithItsTriageInputs() {
        JsonNode created = submit(Intakes.LUNG_URGENT);
        String caseId = created.get("caseId").asText();
        assertThat(created.get("stage").asText()).isEqualTo("SUBMITTED");

        CaseSubmitted event = KafkaProbe.awaitPublished(MessageType.CASE_SUBMITTED, caseId, CaseSubmitted.class);
        assertThat(event.cancerType()).isEqualTo("lung");
        assertThat(event.decisionAtStake()).isEqualTo("MAJOR_SURGERY");
        assertThat(event.contact().email()).as("the caregiver who submitted hears from us").isEqualTo("siti@example.org");
        assertThat(event.contact().language()).isEqualTo("id");
        assertThat(event.patient()).as("the patient is told apart from the caregiver who acts for him")
                .isEqualTo(new Recipient("Budi Santoso", "budi@example.org", "id"));
        assertThat(event.caregiver()).isEqualTo(new Recipient("Siti Santoso", "siti@example.org", "id"));
        assertThat(event.timeZone()).isEqualTo("Asia/Jakarta");

        http.get().uri("/cases/{id}", caseId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.stage").isEqualTo("SUBMITTED")
                .jsonPath("$.questionForPanel").isEqualTo("Should I have chemotherapy or immunotherapy before the operation instead?")
                // what the engine's tasks no longer show (ADR 15): the people and the first opinion are read here
                .jsonPath("$.patient.name").isEqualTo("Budi Santoso")
                .jsonPath("$.caregiver.name").isEqualTo("Siti Santoso")
                .jsonPath("$.caregiver.relationship").isEqualTo("daughter")
                .jsonPath("$.firstOpinion.summary").isNotEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void invalidIntakeListsEveryBadFieldAndStoresNothing() {
        long before = countCases();
        String invalid = """
                {"patient": {"name": "", "age": 130, "sex": "MALE", "country": "Indonesia", "languages": [],
                             "timeZone": "Jakarta", "email": "not-an-email"},
                 "proxy": {"name": "Siti", "relationship": "daughter", "email": "siti@example.org", "patientConsents": false},
                 "consent": {"review": false, "shareWithPanel": true},
                 "diagnosis": {"cancerType": "lung"},
                 "firstOpinion": {"summary": "Lobectomy", "author": "Dr H", "date": "2099-01-01"},
                 "decisionsAtStake": [], "treatmentGoal": "CURE", "questionForPanel": " "}
                """;
        http.post().uri("/cases").contentType(MediaType.APPLICATION_JSON).bodyValue(invalid).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:consilium:problem:validation")
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields).contains(
                        "patient.name", "patient.age", "patient.country", "patient.languages", "patient.timeZone",
                        "patient.email", "proxy.patientConsents", "consent.review", "firstOpinion.date",
                        "decisionsAtStake", "questionForPanel"));
        assertThat(countCases()).isEqualTo(before);
    }

    @Test
    void unreadableBodyAndUnknownCancerTypeAreExplained() {
        http.post().uri("/cases").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"patient\": ").exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:unreadable-request");

        http.post().uri("/cases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Intakes.LUNG_URGENT.replace("\"lung\"", "\"spleen\"")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(detail ->
                        assertThat((String) detail).contains("unknown cancer type 'spleen'"));
    }

    @Test
    void unknownCaseIsA404Problem() {
        http.get().uri("/cases/case-nope").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:not-found");
    }

    @Test
    void retriedSubmissionWithTheSameIdempotencyKeyOpensOneCase() {
        String key = UUID.randomUUID().toString();
        String first = http.post().uri("/cases").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Intakes.BREAST_ROUTINE).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("caseId").asText();
        String second = http.post().uri("/cases").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Intakes.BREAST_ROUTINE).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("caseId").asText();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void stageFollowsTheOtherContextsAndARedeliveryChangesNothing() {
        String caseId = submit(Intakes.LUNG_URGENT).get("caseId").asText();
        Envelope accepted = KafkaProbe.publish(new CaseAccepted(caseId, Urgency.URGENT,
                List.of("thoracic-surgeon", "pathologist"), Instant.now()));
        awaitStage(caseId, "COLLECTING_RECORDS");

        KafkaProbe.publish(accepted);
        KafkaProbe.publish(new RecordsCompleted(caseId, 5, Instant.now()));
        awaitStage(caseId, "RECORDS_COMPLETE");
        http.get().uri("/cases/{id}", caseId).exchange().expectBody()
                .jsonPath("$.urgency").isEqualTo("URGENT")
                .jsonPath("$.history.length()").isEqualTo(3)
                .jsonPath("$.disciplines[0]").isEqualTo("thoracic-surgeon");
    }

    @Test
    void everyConsumedEventTypeIsAppliedOnceWhenRedelivered() {
        String caseId = submit(Intakes.LUNG_URGENT).get("caseId").asText();
        Instant now = Instant.now();
        List<CaseMessage> facts = List.of(
                new CaseAccepted(caseId, Urgency.URGENT, List.of("pathologist"), now),
                new DocumentReceived(caseId, "doc-1", "pathology-report", "application/pdf", 10, "ab".repeat(32), now),
                new RecordsCompleted(caseId, 1, now),
                new MdtScheduled(caseId, "session-1", now, List.of()),
                new MdtConcluded(caseId, new ReportContent(true, "as planned", "summary", null, List.of(), "Dr A"), now),
                new ReportDelivered(caseId, "cmd-1", now));
        for (CaseMessage fact : facts) {
            Envelope envelope = KafkaProbe.publish(fact);
            KafkaProbe.publish(envelope);
        }
        awaitStage(caseId, "REPORT_DELIVERED");
        // the facts come on three topics, in no order between them: a fact of an earlier stage that comes after a
        // later one is counted but moves nothing (aLateEventNeverMovesTheStageBack), so the history holds 5 or 6
        // stages; what a redelivery must never do is count a document twice or enter a stage twice
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri("/cases/{id}", caseId).exchange()
                .expectBody().jsonPath("$.documentsReceived").isEqualTo(1));
        JsonNode shown = http.get().uri("/cases/{id}", caseId).exchange().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        List<String> stages = new ArrayList<>();
        shown.get("history").forEach(change -> stages.add(change.get("stage").asText()));
        assertThat(stages).doesNotHaveDuplicates().startsWith("SUBMITTED").endsWith("REPORT_DELIVERED")
                .hasSizeBetween(5, 6);
    }

    @Test
    void aLateEventNeverMovesTheStageBack() {
        String caseId = submit(Intakes.BREAST_ROUTINE).get("caseId").asText();
        KafkaProbe.publish(new RecordsCompleted(caseId, 3, Instant.now()));
        awaitStage(caseId, "RECORDS_COMPLETE");
        KafkaProbe.publish(new CaseAccepted(caseId, Urgency.ROUTINE, List.of("breast-surgeon"), Instant.now()));
        KafkaProbe.publish(new CaseDeclined(caseId, "late and out of order", Instant.now()));
        // The decline is a final stage and may follow; the acceptance must not pull it back.
        awaitStage(caseId, "DECLINED");
        http.get().uri("/cases/{id}", caseId).exchange().expectBody().jsonPath("$.stage").isEqualTo("DECLINED");
    }

    @Test
    void withdrawalIsAnnouncedOnceAndAFinalCaseCannotBeWithdrawn() {
        String caseId = submit(Intakes.LUNG_URGENT).get("caseId").asText();
        http.post().uri("/cases/{id}/withdraw", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\": \"Treated locally after all\"}").exchange()
                .expectStatus().isAccepted().expectBody().jsonPath("$.stage").isEqualTo("WITHDRAWN");

        CaseWithdrawn withdrawn = KafkaProbe.awaitPublished(MessageType.CASE_WITHDRAWN, caseId, CaseWithdrawn.class);
        assertThat(withdrawn.reason()).isEqualTo("Treated locally after all");

        http.post().uri("/cases/{id}/withdraw", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\": \"again\"}").exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:case-closed");
        http.post().uri("/cases/{id}/withdraw", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isBadRequest();
        assertThat(KafkaProbe.envelopes(MessageType.CASE_WITHDRAWN, caseId)).hasSize(1);
    }

    @Test
    void theCurrentDoctorIsNamedOnlyWithConsentAndAChangeOfConsentIsAnnounced() {
        String withDoctor = Intakes.LUNG_URGENT.replace("\"institution\": \"RS Jakarta\"}",
                "\"institution\": \"RS Jakarta\", \"email\": \"hartono@rs-jakarta.example\"}");
        String caseId = submit(withDoctor).get("caseId").asText();
        CaseSubmitted submitted = KafkaProbe.awaitPublished(MessageType.CASE_SUBMITTED, caseId, CaseSubmitted.class);
        assertThat(submitted.currentDoctor()).isEqualTo(new Recipient("Dr Hartono", "hartono@rs-jakarta.example", "en"));
        assertThat(submitted.consents()).contains("review", "contact-current-doctor");

        consent(caseId, "CONTACT_CURRENT_DOCTOR", false);
        consent(caseId, "CONTACT_CURRENT_DOCTOR", false); // no change: nothing more to announce
        ConsentChanged changed = KafkaProbe.awaitPublished(MessageType.CONSENT_CHANGED, caseId, ConsentChanged.class);
        assertThat(changed.purpose()).isEqualTo("contact-current-doctor");
        assertThat(changed.granted()).isFalse();
        consent(caseId, "CONTACT_CURRENT_DOCTOR", true);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> KafkaProbe.envelopes(MessageType.CONSENT_CHANGED, caseId).size() == 2);
        assertThat(KafkaProbe.envelopes(MessageType.CONSENT_CHANGED, caseId).get(1).payload(ConsentChanged.class).granted())
                .isTrue();

        String withoutConsent = withDoctor.replace("\"contactCurrentDoctor\": true", "\"contactCurrentDoctor\": false");
        String other = submit(withoutConsent).get("caseId").asText();
        CaseSubmitted withheld = KafkaProbe.awaitPublished(MessageType.CASE_SUBMITTED, other, CaseSubmitted.class);
        assertThat(withheld.currentDoctor()).as("no consent to contact the doctor: not even named").isNull();
        assertThat(withheld.consents()).doesNotContain("contact-current-doctor");
    }

    private void consent(String caseId, String purpose, boolean granted) {
        http.post().uri("/cases/{id}/consent", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"purpose\": \"" + purpose + "\", \"granted\": " + granted + "}").exchange()
                .expectStatus().isOk();
    }

    private JsonNode submit(String intake) {
        return http.post().uri("/cases").contentType(MediaType.APPLICATION_JSON).bodyValue(intake).exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", l -> assertThat(l).startsWith("/cases/case-"))
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void awaitStage(String caseId, String stage) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri("/cases/{id}", caseId).exchange()
                .expectBody().jsonPath("$.stage").isEqualTo(stage));
    }

    private long countCases() {
        return mongo.getCollection("cases").flatMap(c -> reactor.core.publisher.Mono.from(c.countDocuments())).block();
    }
}
