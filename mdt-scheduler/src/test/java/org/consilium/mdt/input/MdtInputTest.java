package org.consilium.mdt.input;

import org.consilium.mdt.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input is checked at the door (issue 11, section 2): the shared rules of service-support, as this
 * service's API applies them — before any review is looked up.
 */
class MdtInputTest extends ServiceTest {

    private WebTestClient asSpecialist() {
        return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, specialist("dr-a")).build();
    }

    @Test
    void anOpinionWithAControlCharacterIsRefusedByFieldBeforeTheReviewIsLookedUp() {
        asSpecialist().post().uri("/reviews/{caseId}/opinions", newCaseId("input")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"specialistId\": \"dr-a\", \"recommendation\": \"Treat\\u0000 first\","
                        + " \"agreesWithFirstOpinion\": false, \"confidence\": \"HIGH\"}")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("recommendation");
    }

    @Test
    void contentAfterTheOpinionIsRefused() {
        asSpecialist().post().uri("/reviews/{caseId}/opinions", newCaseId("input")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"specialistId\": \"dr-a\", \"recommendation\": \"Treat first\","
                        + " \"agreesWithFirstOpinion\": false, \"confidence\": \"HIGH\"} {}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:unreadable-request");
    }

    @Test
    void queryParametersAreCheckedAndExplainedInTheClientsTerms() {
        http.get().uri(uri -> uri.path("/specialists").queryParam("discipline", "patho\u202Elogist").build()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("discipline");
        http.get().uri("/sessions?days=many").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("days")
                .jsonPath("$.errors[0].message").isEqualTo("'many' is not a whole number");
        http.get().uri("/sessions?from=monday").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from")
                .jsonPath("$.detail").value(d -> assertThat((String) d).doesNotContain("java.", "Instant"));
    }
}
