package org.consilium.console.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The console's doors, without a provider or services behind it: who is sent to sign in, who is refused and how,
 * that writes need the CSRF token, and what the pages may load (nothing from elsewhere).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"consilium.console.issuer-uri=http://localhost:1", "CONSILIUM_ISSUER_URI=http://localhost:1"})
// the first page a test renders compiles its templates: on two loaded cores that took longer than the 5 s default
@AutoConfigureWebTestClient(timeout = "60s")
// the Prometheus endpoint exists only with metrics export on, which tests turn off by default
@AutoConfigureObservability(tracing = false)
class ConsoleSecurityTest {

    @Autowired
    WebTestClient web;

    @Test
    void aBrowserWithoutASessionIsSentToSignInAtTheProvider() {
        web.get().uri("/worklist").exchange()
                .expectStatus().isFound()
                .expectHeader().location("/oauth2/authorization/consilium");
    }

    @Test
    void anHtmxRequestWithoutASessionIsToldToReloadThroughTheSignIn() {
        web.get().uri("/worklist").header("HX-Request", "true").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("HX-Redirect", "/oauth2/authorization/consilium");
    }

    @Test
    void aPatientIsToldTheDeskIsForCoordinatorsAndWhoTheyAre() {
        String page = web.mutateWith(mockOidcLogin().authorities(new SimpleGrantedAuthority("ROLE_patient")))
                .get().uri("/worklist").exchange()
                .expectStatus().isForbidden()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("This page is for coordinators", "<strong>coordinator</strong>", "(roles: patient)",
                "action=\"/logout\"", "name=\"_csrf\"");
    }

    @Test
    void aClaimWithoutTheCsrfTokenIsRefusedBeforeItReachesTheEngine() {
        web.mutateWith(mockOidcLogin().authorities(new SimpleGrantedAuthority("ROLE_coordinator")))
                .post().uri("/tasks/t-1/claim").exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void aTaskFormOrAnyOtherWriteWithoutTheCsrfTokenIsRefusedBeforeItReachesAService() {
        WebTestClient coordinator = web.mutateWith(mockOidcLogin().authorities(new SimpleGrantedAuthority("ROLE_coordinator")));
        coordinator.post().uri("/cases/c-1/tasks/t-1/complete").exchange().expectStatus().isForbidden();
        coordinator.post().uri("/cases/c-1/report/approve").exchange().expectStatus().isForbidden();
        coordinator.post().uri("/deliveries/d-1/resolution").exchange().expectStatus().isForbidden();
    }

    @Test
    void theOtherKindsOfWorkAreForCoordinatorsOnly() {
        web.mutateWith(mockOidcLogin().authorities(new SimpleGrantedAuthority("ROLE_ops")))
                .mutateWith(csrf())
                .post().uri("/deliveries/d-1/resolution").exchange()
                .expectStatus().isForbidden()
                .expectBody(String.class).value(page -> assertThat(page).contains("This page is for coordinators"));
    }

    @Test
    void theSignedOutPageIsOpenAndEveryPageMayLoadOnlyTheConsolesOwnFiles() {
        web.get().uri("/signed-out").exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches("Content-Security-Policy",
                        "default-src 'self'; script-src 'self'; style-src 'self'.*form-action 'self' http://localhost:1")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("You are signed out", "/webjars/htmx.org/2.0.8/dist/htmx.min.js")
                        .containsPattern("/css/console-[0-9a-f]{32}\\.css")
                        .doesNotContain("https://"));
    }

    @Test
    void htmxAndTheStylesheetAreServedFromTheJarToBeKept() {
        web.get().uri("/webjars/htmx.org/2.0.8/dist/htmx.min.js").exchange().expectStatus().isOk()
                .expectHeader().valueMatches("Cache-Control", "max-age=31536000, public");
        web.get().uri("/css/console.css").exchange().expectStatus().isOk()
                .expectHeader().valueMatches("Cache-Control", "max-age=31536000, public");
    }

    @Test
    void healthIsOpenAndMetricsWantAnOpsToken() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void signingOutNeedsTheCsrfTokenToo() {
        web.mutateWith(mockOidcLogin()).post().uri("/logout").exchange().expectStatus().isForbidden();
        web.mutateWith(mockOidcLogin()).mutateWith(csrf()).post().uri("/logout").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void aSignInThatDidNotFinishSaysWhyInWordsAndEchoesNoStrangerText() {
        web.get().uri("/sign-in-failed?error=provider_did_not_answer").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("Signing in did not finish", "did not answer in time", "Sign in again"));
        web.get().uri("/sign-in-failed?error=<script>alert(1)</script>").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains("unknown").doesNotContain("alert(1)"));
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    /** One request per connection (ConsoleHttpServer, ADR 11): no kept-alive connection whose next request is left unread. */
    @Test
    void eachAnswerClosesItsConnection() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write("GET /signed-out HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200").containsIgnoringCase("connection: close");
        }
    }
}
