package org.consilium.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A patient's unfinished request (issue 14, "saved as you go and resumable"): kept here for its writer only, sealed
 * like the case's people, read back from another device, changed by a later save, expired, and deleted by the send
 * that used its key — never by another send.
 */
class DraftsTest extends IntakeContextTest {
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aDraftIsItsWritersOwnSealedAndReadBackOnAnotherDevice() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "mei-" + run + "@example.org";
        WebTestClient phone = as("mei-" + run, email, "patient");
        JsonNode saved = save(phone, "diagnosis", Map.of("patient.name", List.of("王美 Wang Mei"),
                "patient.age", List.of("fifty"), "decisionsAtStake", List.of("MAJOR_SURGERY", "ORGAN_REMOVAL")))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(saved.get("requestKey").asText()).startsWith("draft-");

        // the laptop: another client, the same person; an answer that is not right yet is kept as typed
        WebTestClient laptop = as("mei-" + run, email, "patient");
        laptop.get().uri("/drafts/mine").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.step").isEqualTo("diagnosis")
                .jsonPath("$.answers['patient.age'][0]").isEqualTo("fifty")
                .jsonPath("$.answers['decisionsAtStake'][1]").isEqualTo("ORGAN_REMOVAL")
                .jsonPath("$.requestKey").isEqualTo(saved.get("requestKey").asText())
                .jsonPath("$.expiresAt").exists();

        Document stored = mongo.findById("mei-" + run, Document.class, "drafts").block();
        assertThat(stored.toJson()).doesNotContain("Wang Mei", "fifty", "MAJOR_SURGERY");
        assertThat(stored.get("answers", Document.class).getString("sealed")).startsWith("enc:v1:");

        // a later save replaces the answers (one left out is one removed) and keeps the key
        save(laptop, "question", Map.of("patient.age", List.of("50"))).expectStatus().isOk();
        laptop.get().uri("/drafts/mine").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.answers['patient.name']").doesNotExist()
                .jsonPath("$.answers['patient.age'][0]").isEqualTo("50")
                .jsonPath("$.requestKey").isEqualTo(saved.get("requestKey").asText());

        // nobody else's: another patient has none, staff may not ask
        as("someone-" + run, "someone-" + run + "@example.org", "patient").get().uri("/drafts/mine").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:no-draft");
        http.get().uri("/drafts/mine").exchange().expectStatus().isForbidden();

        laptop.delete().uri("/drafts/mine").exchange().expectStatus().isNoContent();
        phone.get().uri("/drafts/mine").exchange().expectStatus().isNotFound();
    }

    @Test
    void theSendThatUsesTheDraftsKeyDeletesItAndNoOtherSendDoes() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "budi-" + run + "@example.org";
        WebTestClient patient = as("budi-" + run, email, "patient");
        String key = save(patient, "review", Map.of("questionForPanel", List.of("Chemotherapy first?")))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("requestKey").asText();
        String intake = Intakes.lung(email, "siti-" + run + "@example.org", "dr-" + run + "@example.org");

        patient.post().uri("/cases").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "other-" + run)
                .bodyValue(intake).exchange().expectStatus().isCreated();
        patient.get().uri("/drafts/mine").exchange().expectStatus().isOk();

        String caseId = patient.post().uri("/cases").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key)
                .bodyValue(intake.replace("Budi", "Budi S.")).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("caseId").asText();
        patient.get().uri("/drafts/mine").exchange().expectStatus().isNotFound();
        // sent again (its answer lost on the way): the same case, no second one
        patient.post().uri("/cases").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key)
                .bodyValue(intake.replace("Budi", "Budi S.")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.caseId").isEqualTo(caseId);
    }

    @Test
    void anExpiredDraftIsGone() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        WebTestClient caregiver = as("sam-" + run, "sam-" + run + "@example.org", "caregiver");
        save(caregiver, "who", Map.of("proxy.relationship", List.of("son"))).expectStatus().isOk();
        mongo.updateFirst(Query.query(Criteria.where("_id").is("sam-" + run)),
                Update.update("expiresAt", Date.from(Instant.now().minusSeconds(1))), "drafts").block();

        caregiver.get().uri("/drafts/mine").exchange().expectStatus().isNotFound();
        assertThat(mongo.findById("sam-" + run, Document.class, "drafts").block()).as("deleted when found expired").isNull();
        // saving again starts a new one, with a new key
        save(caregiver, "who", Map.of()).expectStatus().isOk().expectBody().jsonPath("$.answers").isEmpty();
    }

    @Test
    void onlyTheShapeIsChecked() {
        WebTestClient patient = as("lin-shape", "lin-shape@example.org", "patient");
        save(patient, "Who!", Map.of("<script>", List.of("x"))).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.field == 'step')]").exists()
                .jsonPath("$.errors.length()").isEqualTo(2);
        save(patient, "who", Map.of("openConcerns", List.of("x".repeat(20_001)))).expectStatus().isBadRequest();
        patient.get().uri("/drafts/mine").exchange().expectStatus().isNotFound();
    }

    private static WebTestClient.ResponseSpec save(WebTestClient client, String step, Map<String, List<String>> answers) {
        return client.put().uri("/drafts/mine").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("step", step, "answers", answers)).exchange();
    }
}
