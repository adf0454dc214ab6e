package org.consilium.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.MessageType;
import org.consilium.events.SubmittedDocument;
import org.consilium.support.testing.KafkaProbe;
import org.consilium.support.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case's audit trail here (GET /cases/{id}/audit, FHIR AuditEvents): every read of the case and
 * of an attachment with who, when and from where, every refused look (outcome 4), every consent
 * change and withdrawal, and the submission; the trail itself is for coordinators and operators.
 */
class IntakeAuditTest extends IntakeContextTest {
    @LocalServerPort
    int port;

    @Test
    void aPatientsReadIsOnTheTrailAndSoIsAnotherPatientsRefusedLook() {
        String email = "reader-" + UUID.randomUUID() + "@example.org";
        String username = "reader-" + UUID.randomUUID();
        WebTestClient patient = as(username, email, "patient");
        String caseId = IntakeAccessTest.submit(patient, Intakes.lung(email, "c-" + email, "d-" + email));
        // over the network, so that there is an address to record (the shared client is bound to the context)
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(username, email, "patient")).build()
                .get().uri("/cases/{id}", caseId).exchange().expectStatus().isOk();
        patient.get().uri("/cases/{id}/$export", caseId).exchange().expectStatus().isOk();
        as("snoop", "snoop@example.org", "patient").get().uri("/cases/{id}", caseId).exchange()
                .expectStatus().isForbidden();

        List<JsonNode> events = trail(caseId, null);
        JsonNode read = find(events, "R", "case", username);
        assertThat(read.get("outcome").asText()).isEqualTo("0");
        assertThat(read.get("recorded").asText()).as("when").isNotBlank();
        assertThat(read.at("/agent/0/who/display").asText()).isEqualTo(email);
        assertThat(read.at("/agent/0/network/address").asText()).as("from where").isEqualTo("127.0.0.1");
        assertThat(read.at("/agent/0/role/0/code").asText()).isEqualTo("patient");
        assertThat(read.at("/entity/0/what/reference").asText()).isEqualTo("ServiceRequest/" + caseId);
        assertThat(find(events, "R", "fhir-export", username).get("outcome").asText()).isEqualTo("0");
        assertThat(find(events, "C", "submit", username).at("/entity/0/description").asText())
                .isEqualTo("case submitted by " + username + " as patient");

        JsonNode refused = find(events, "R", "case", "snoop");
        assertThat(refused.get("outcome").asText()).isEqualTo("4");
        assertThat(refused.at("/entity/0/what/reference").asText()).isEqualTo("ServiceRequest/" + caseId);

        // the trail is for coordinators and operators, not for the patient
        patient.get().uri("/cases/{id}/audit", caseId).exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as("kim.ops", "kim@example.org", "ops").get().uri("/cases/{id}/audit", caseId).exchange()
                .expectStatus().isOk();
    }

    @Test
    void consentChangesAndTheWithdrawalAreOnTheTrail() {
        String email = "consenting-" + UUID.randomUUID() + "@example.org";
        WebTestClient caregiver = as("carer-" + email, "carer-" + email, "caregiver");
        String caseId = IntakeAccessTest.submit(caregiver, Intakes.lung(email, "carer-" + email, "d-" + email));
        caregiver.post().uri("/cases/{id}/consent", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"purpose\": \"CONTACT_CURRENT_DOCTOR\", \"granted\": false}").exchange()
                .expectStatus().isOk();
        caregiver.post().uri("/cases/{id}/consent", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"purpose\": \"CONTACT_CURRENT_DOCTOR\", \"granted\": true}").exchange()
                .expectStatus().isOk();
        as("p", email, "patient").post().uri("/cases/{id}/withdraw", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\": \"treated at home\"}").exchange().expectStatus().isAccepted();

        List<JsonNode> consent = trail(caseId, "Consent/" + caseId + "-contact-current-doctor");
        assertThat(consent).extracting(e -> e.get("action").asText()).containsOnly("U");
        assertThat(consent).extracting(e -> e.at("/entity/0/description").asText()).containsExactly(
                "consent contact-current-doctor granted", "consent contact-current-doctor withdrawn");
        JsonNode withdrawal = find(trail(caseId, null), "U", "withdraw", "p");
        assertThat(withdrawal.at("/entity/0/description").asText()).isEqualTo("case withdrawn: treated at home");
    }

    @Test
    void anAttachmentReadByAnotherServiceIsOnTheTrailBeforeItIsServed() {
        String caseId = http.post().uri("/fhir").contentType(MediaType.parseMediaType("application/fhir+json"))
                .bodyValue(FhirBundles.json(FhirBundles.lungTransaction())).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        SubmittedDocument pathology = KafkaProbe.awaitPublished(MessageType.CASE_SUBMITTED, caseId, CaseSubmitted.class)
                .documents().get(0);
        as(TestTokens.SERVICE_CLIENT, null, "service").get()
                .uri("/cases/{id}/attachments/{a}", caseId, pathology.attachmentId()).exchange().expectStatus().isOk()
                .expectBody(byte[].class);
        // the patient's side does not fetch attachments here (records-service serves the filed documents)
        as("budi", "budi@example.org", "patient").get()
                .uri("/cases/{id}/attachments/{a}", caseId, pathology.attachmentId()).exchange()
                .expectStatus().isForbidden();

        List<JsonNode> reads = trail(caseId, "DocumentReference/" + pathology.attachmentId());
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0).get("action").asText()).isEqualTo("R");
        assertThat(reads.get(0).at("/agent/0/who/identifier/value").asText()).isEqualTo(TestTokens.SERVICE_CLIENT);
        assertThat(reads.get(0).at("/entity/0/description").asText()).contains("content of an attachment");
    }

    private List<JsonNode> trail(String caseId, String entity) {
        JsonNode bundle = http.get().uri(b -> b.path("/cases/{id}/audit").queryParamIfPresent("entity",
                        java.util.Optional.ofNullable(entity)).build(caseId)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return StreamSupport.stream(bundle.get("entry").spliterator(), false).map(e -> e.get("resource")).toList();
    }

    private static JsonNode find(List<JsonNode> events, String action, String subtype, String who) {
        return events.stream().filter(e -> e.get("action").asText().equals(action)
                        && e.at("/subtype/0/code").asText().equals(subtype)
                        && e.at("/agent/0/who/identifier/value").asText().equals(who))
                .findFirst().orElseThrow(() -> new AssertionError("no " + action + " " + subtype + " by " + who
                        + " in " + events));
    }
}
