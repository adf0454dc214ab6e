package org.consilium.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input is checked at the door, not at the last step (issue 11, section 2): what intake refuses
 * before anything is stored, and how it says so.
 */
class IntakeInputTest extends IntakeContextTest {
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    @SuppressWarnings("unchecked")
    void aControlOrBidiCharacterInAnyTextIsRefusedByFieldAndNothingIsStored() {
        long before = countCases();
        String intake = Intakes.LUNG_URGENT.replace("\"Budi Santoso\"", "\"Budi\\u0007 Santoso\"")
                .replace("\"Was molecular testing done?\"", "\"Was molecular \\u202Etesting done?\"")
                .replace("\"Dr Hartono\", \"institution\"", "\"Dr \\u0085Hartono\", \"institution\"");
        post(intake).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:consilium:problem:validation")
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields)
                        .containsExactly("currentTreatingTeam.doctorName", "openConcerns[0]", "patient.name"))
                .jsonPath("$.errors[?(@.field == 'patient.name')].message")
                .isEqualTo("must not contain the control character U+0007 (character 5)");
        assertThat(countCases()).isEqualTo(before);
    }

    @Test
    void aNameMustBeOneLineWhileTheQuestionMayHaveParagraphs() {
        post(Intakes.LUNG_URGENT.replace("\"Budi Santoso\"", "\"Budi\\nSantoso\"")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("patient.name");
        post(Intakes.LUNG_URGENT.replace("before the operation instead?\"", "before the operation instead?\\n\\nThank you.\""))
                .expectStatus().isCreated();
    }

    @Test
    void contentAfterTheIntakeDocumentIsRefused() {
        long before = countCases();
        for (String body : List.of(Intakes.LUNG_URGENT + Intakes.BREAST_ROUTINE, Intakes.LUNG_URGENT + " x")) {
            post(body).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:unreadable-request")
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                            .contains("one JSON document").doesNotContain("org.consilium", "java."));
        }
        assertThat(countCases()).isEqualTo(before);
    }

    @Test
    void aNameOfThreeHundredEmojiIsThreeHundredCharacters() {
        post(Intakes.LUNG_URGENT.replace("\"Budi Santoso\"", "\"" + "😀".repeat(300) + "\"")).expectStatus().isCreated();
        post(Intakes.LUNG_URGENT.replace("\"Budi Santoso\"", "\"" + "😀".repeat(301) + "\"")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("patient.name");
    }

    @Test
    void anIdempotencyKeyReusedWithAnotherIntakeIs422AndOpensNothing() {
        String key = UUID.randomUUID().toString();
        String first = submit(key, Intakes.BREAST_ROUTINE).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("caseId").asText();
        long before = countCases();

        submit(key, Intakes.LUNG_URGENT).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:idempotency-key-reused")
                .jsonPath("$.caseId").doesNotExist();
        submit(key, Intakes.BREAST_ROUTINE.replace("\"Layla Haddad\"", "\"Layla Haddad-Nasser\"")).expectStatus().isEqualTo(422);
        assertThat(countCases()).isEqualTo(before);

        // the same intake again, however it is laid out, is the retry it always was
        String reordered = Intakes.BREAST_ROUTINE.replace("\n", " ").replace("  ", " ");
        String again = submit(key, reordered).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("caseId").asText();
        assertThat(again).isEqualTo(first);
    }

    @Test
    void theFrameworksRefusalsAreProblemsOfOurKind() {
        http.post().uri("/cases").contentType(MediaType.TEXT_PLAIN).bodyValue(Intakes.LUNG_URGENT).exchange()
                .expectStatus().isEqualTo(415).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:unsupported-media-type")
                .jsonPath("$.detail").value(d -> assertThat((String) d).doesNotContain("org.consilium", "java."));
        http.get().uri("/no/such/thing").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:not-found");
        http.delete().uri("/questionnaire").exchange().expectStatus().isEqualTo(405)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:method-not-allowed");
        http.get().uri("/cases/{id}", "case-\u202Eabc").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("path");
    }

    @Test
    void aFhirBundleIsCheckedTheSameWay() {
        String bundle = FhirBundles.json(FhirBundles.lungTransaction());
        http.post().uri("/fhir").contentType(FhirIntakeTest.FHIR_JSON).bodyValue(bundle.replace("\"Budi\"", "\"Bu\\u0007di\""))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.issue[0].location[0]").value(l -> assertThat((String) l).contains("given[0]"))
                .jsonPath("$.issue[0].diagnostics").value(d -> assertThat((String) d).contains("U+0007"));
        http.post().uri("/fhir").contentType(FhirIntakeTest.FHIR_JSON).bodyValue(bundle + "{}").exchange()
                .expectStatus().isBadRequest();
    }

    private WebTestClient.ResponseSpec post(String body) {
        return http.post().uri("/cases").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec submit(String key, String body) {
        return http.post().uri("/cases").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private long countCases() {
        return mongo.getCollection("cases").flatMap(c -> Mono.from(c.countDocuments())).block();
    }
}
