package org.consilium.notification;

import org.consilium.support.testing.OpsOnlyActuator;
import org.consilium.support.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorisation matrix of every endpoint of this service: each role that must be refused is
 * (403, problem+json), a request without a valid token is 401, and each role that may call it gets
 * past the gate (whatever the endpoint then answers about its input).
 */
class NotificationAccessTest extends ServiceTest {
    static final List<String> ROLES = List.of("patient", "caregiver", "referrer", "coordinator", "specialist", "ops",
            "service");

    record Endpoint(HttpMethod method, String path, String body, List<String> allowed) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(HttpMethod.GET, "/deliveries?state=UNCONFIRMED", null, List.of("coordinator", "ops")),
            new Endpoint(HttpMethod.GET, "/deliveries/some-id", null, List.of("coordinator", "ops")),
            new Endpoint(HttpMethod.POST, "/deliveries/some-id/resolution",
                    "{\"outcome\":\"DELIVERED\",\"reason\":\"patient confirmed\"}",
                    List.of("coordinator", "ops")),
            new Endpoint(HttpMethod.POST, "/deliveries/bounces", "{\"messageId\":\"<x@consilium.local>\",\"status\":\"5.1.1\"}",
                    List.of("ops", "service")),
            new Endpoint(HttpMethod.GET, "/webhooks", null, List.of("ops")),
            // a body the endpoint refuses (400) once past the gate: the matrix must not leave subscriptions behind
            new Endpoint(HttpMethod.POST, "/webhooks", "{\"url\":\"ftp://hooks.example.org/in\",\"secret\":\"s3cret-s3cret\"}",
                    List.of("ops")),
            new Endpoint(HttpMethod.GET, "/webhooks/some-id", null, List.of("ops")),
            new Endpoint(HttpMethod.DELETE, "/webhooks/some-id", null, List.of("ops")),
            new Endpoint(HttpMethod.GET, "/webhook-deliveries", null, List.of("ops")),
            new Endpoint(HttpMethod.GET, "/actuator/prometheus", null, List.of("ops")));

    @Test
    void everyEndpointRefusesEveryRoleItIsNotFor() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String role : ROLES) {
                int status = call(endpoint, TestTokens.bearer("user-" + role, role + "@example.org", role));
                boolean allowed = endpoint.allowed().contains(role);
                if (allowed == (status == 403) || status == 401) {
                    wrong.add(endpoint.method() + " " + endpoint.path() + " as " + role + " → " + status);
                }
            }
        }
        assertThat(wrong).as("endpoint/role combinations answered wrongly").isEmpty();
    }

    @Test
    void withoutAValidTokenEveryEndpointIs401() {
        List<String> bad = List.of("", "Bearer not-a-jwt", "Bearer " + TestTokens.expired("kim", "ops"),
                "Bearer " + TestTokens.foreign("kim", "ops"));
        for (Endpoint endpoint : ENDPOINTS) {
            for (String authorization : bad) {
                assertThat(call(endpoint, authorization)).as(endpoint.method() + " " + endpoint.path() + " with '"
                        + authorization.substring(0, Math.min(20, authorization.length())) + "'").isEqualTo(401);
            }
        }
        anonymous().get().uri("/inbox/{user}", "anyone@example.org")
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:unauthorized");
    }

    @Test
    void healthAndApiDocsStayOpenAndResponsesCarrySecurityHeaders() {
        WebTestClient anonymous = anonymous();
        anonymous.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().exists(HttpHeaders.CACHE_CONTROL);
        anonymous.get().uri("/v3/api-docs").exchange().expectStatus().isOk();
        // CORS is closed: a cross-origin preflight gets no permission
        anonymous.options().uri("/deliveries").header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET").exchange()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void healthDetailsAndMetricsAreForOpsOnly() {
        OpsOnlyActuator.check(anonymous());
    }

    @Test
    void aForbiddenRequestIsAProblemDocument() {
        http.get().uri("/webhooks").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("cora", "cora@example.org",
                        "coordinator")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:forbidden")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("GET /webhooks"));
    }

    /**
     * Without the staff token every other test carries; patient with a loaded test JVM, and room for a metrics scrape
     * (twelve Kafka consumers' meters, ADR 34: ~250 KB, near the client's default 256 KB limit).
     */
    private WebTestClient anonymous() {
        return http.mutate().defaultHeaders(h -> h.remove(HttpHeaders.AUTHORIZATION))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .responseTimeout(java.time.Duration.ofSeconds(20)).build();
    }

    private int call(Endpoint endpoint, String authorization) {
        WebTestClient.RequestBodySpec request = anonymous().method(endpoint.method()).uri(endpoint.path())
                .headers(h -> {
                    if (!authorization.isEmpty()) {
                        h.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                });
        WebTestClient.RequestHeadersSpec<?> ready = endpoint.body() == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(endpoint.body());
        // consume every body, so that no connection is left holding an unread response
        try {
            return ready.exchange().expectBody().returnResult().getStatus().value();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(endpoint.method() + " " + endpoint.path() + " with " + authorization.length()
                    + "-char authorization: " + e.getMessage(), e);
        }
    }
}
