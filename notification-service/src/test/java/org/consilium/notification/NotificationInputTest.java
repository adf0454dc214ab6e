package org.consilium.notification;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input is checked at the door (issue 11, section 2): the shared rules of service-support, as this
 * service's API applies them.
 */
class NotificationInputTest extends ServiceTest {
    private static final String SECRET = "a-webhook-secret-of-32-characters";

    @Test
    void aWebhookDescriptionWithAControlCharacterIsRefusedByField() {
        http.post().uri("/webhooks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"url\": \"https://h.example.org/in\", \"secret\": \"" + SECRET + "\", \"description\": \"ward\\u001b[2J\"}")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("description");
    }

    @Test
    void aSecondDocumentAfterTheBodyIsRefused() {
        String body = "{\"url\": \"https://h.example.org/in\", \"secret\": \"" + SECRET + "\"}";
        http.post().uri("/webhooks").contentType(MediaType.APPLICATION_JSON).bodyValue(body + body)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:unreadable-request");
    }

    @Test
    void queryParametersAreCheckedAndAWrongEnumIsExplainedWithoutJavaNames() {
        http.get().uri(uri -> uri.path("/deliveries").queryParam("caseId", "case-\u202E1").build()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("caseId");
        http.get().uri("/deliveries?state=LOST").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("state")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).startsWith("'LOST' is not one of [")
                        .doesNotContain("org.consilium"));
    }
}
