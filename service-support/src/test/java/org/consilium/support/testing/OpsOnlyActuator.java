package org.consilium.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.consilium.events.Roles;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a service's actuator shows to whom (issue 11, ADR 10): health status to anyone (probes, the stack's
 * readiness wait); its components and their details (MongoDB, the Kafka binder) and the metrics only to ops.
 * One check for every service, as the rule lives in service-support's defaults and {@code ServiceSecurity}.
 */
public final class OpsOnlyActuator {

    private OpsOnlyActuator() {
    }

    /** @param anonymous a client of the running service that sends no token */
    public static void check(WebTestClient anonymous) {
        String open = health(anonymous, null);
        assertThat(open).contains("\"status\"").doesNotContain("components", "mongo");
        assertThat(health(anonymous, TestTokens.bearer("pat.x", "pat.x@example.org", Roles.PATIENT)))
                .as("a patient's token").doesNotContain("components");
        assertThat(health(anonymous, TestTokens.bearer("cora.x", "cora.x@example.org", Roles.COORDINATOR)))
                .as("a coordinator's token").doesNotContain("components");
        assertThat(health(anonymous, ops())).as("an ops token").contains("\"components\"", "\"mongo\"");

        anonymous.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        anonymous.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION,
                TestTokens.bearer("cora.x", "cora.x@example.org", Roles.COORDINATOR)).exchange().expectStatus().isForbidden();
        anonymous.get().uri("/actuator/metrics").header(HttpHeaders.AUTHORIZATION, ops()).exchange()
                .expectStatus().isOk()
                // stateless: no session cookie that could collide with the identity provider's or bpmn's on one host
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
    }

    private static String ops() {
        return TestTokens.bearer("ops.x", "ops.x@example.org", Roles.OPS);
    }

    private static String health(WebTestClient client, String authorization) {
        WebTestClient.RequestHeadersSpec<?> request = client.get().uri("/actuator/health");
        if (authorization != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
