package org.consilium.console.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.consilium.console.ConsoleProperties;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** A sign-in callback whose processing never completes ends on the failure page, and other requests are left alone. */
class SignInCallbackBoundTest {
    private final SignInCallbackBound bound = new SignInCallbackBound(new ConsoleProperties(URI.create("http://localhost:1"),
            "consilium-console", "secret", null, null, null, null, null, Duration.ofMillis(10), 200, List.of()));

    @Test
    void aCallbackThatNeverFinishesIsSentToTheFailurePage() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/login/oauth2/code/consilium?code=x"));

        bound.filter(exchange, stalled -> Mono.never()).block(Duration.ofSeconds(30));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(exchange.getResponse().getHeaders().getLocation()).hasToString("/sign-in-failed?error=sign_in_timed_out");
    }

    @Test
    void otherRequestsAreNotBoundHere() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/worklist/changes"));

        // past the callback's bound (5 s here), a server-sent event stream still streams
        StepVerifier.create(bound.filter(exchange, stream -> Mono.never())).expectSubscription()
                .expectNoEvent(Duration.ofSeconds(6)).thenCancel().verify();
    }
}
