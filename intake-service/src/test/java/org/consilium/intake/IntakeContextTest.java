package org.consilium.intake;

import org.consilium.support.testing.EmbeddedInfrastructure;
import org.consilium.support.testing.RecordedSpans;
import org.consilium.support.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One application context for every test class against the embedded broker and MongoDB. Two
 * contexts would share the {@code intake-service} consumer group, and one would take events
 * meant for the cases the other stored. Tokens are real signed JWTs ({@link TestTokens}); the
 * submission limit is tiny ({@value #SUBMISSIONS_PER_HOUR} an hour) so that it can be tested here,
 * which the coordinator token every test carries by default is exempt from. Tracing is on, as in production, and
 * every ended span is kept ({@link RecordedSpans}, CaseTraceTest).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "consilium.intake.rate-limit.submissions=" + IntakeContextTest.SUBMISSIONS_PER_HOUR,
        "consilium.intake.rate-limit.per=1h"})
@AutoConfigureWebTestClient(timeout = "60s")
@AutoConfigureObservability(metrics = false)
@Import(RecordedSpans.class)
abstract class IntakeContextTest {
    static final int SUBMISSIONS_PER_HOUR = 3;
    /** A coordinator: may open, read and decide for any case (IntakeAccessTest has the rules). */
    static final String STAFF = TestTokens.bearer("cora.coordinator", "cora@consilium.example", "coordinator");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.register(registry, "intake-test");
        TestTokens.register(registry);
    }

    /** Carries the coordinator's token; {@link #as} for anyone else. */
    WebTestClient http;
    WebTestClient anonymous;

    @Autowired
    void client(WebTestClient client) {
        anonymous = client;
        http = client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, STAFF).build();
    }

    /** A client with this person's token. */
    WebTestClient as(String username, String email, String... roles) {
        return anonymous.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(username, email, roles))
                .build();
    }
}
