package org.consilium.console.casepage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.consilium.console.SignedInAs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A swap of a panel seat against a stand-in of mdt-scheduler on a real port: sent as mdt's {@code PUT
 * /reviews/{caseId}/panel/{discipline}} with the coordinator's token, 303 back to {@code #panel}; mdt's refusal (an
 * unknown specialist, 422) kept for the page under its key, at the seat's form.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"consilium.console.issuer-uri=http://localhost:1", "CONSILIUM_ISSUER_URI=http://localhost:1"})
@AutoConfigureWebTestClient(timeout = "60s")
class PanelDeskTest {
    private static final List<String> SEEN = new CopyOnWriteArrayList<>();
    private static final Map<String, String> BODIES = new ConcurrentHashMap<>();
    private static final DisposableServer MDT = HttpServer.create().host("127.0.0.1").port(0).route(routes -> routes
            .put("/reviews/{caseId}/panel/{discipline}", (in, out) -> in.receive().aggregate().asString().flatMap(body -> {
                SEEN.add("PUT /" + in.path() + " " + in.requestHeaders().get("Authorization"));
                BODIES.put("/" + in.path(), body);
                return body.contains("dr-nobody")
                        ? out.status(422).header("Content-Type", "application/problem+json").sendString(Mono.just(
                        "{\"type\":\"urn:consilium:problem:unknown-specialist\",\"title\":\"Unprocessable Entity\","
                                + "\"status\":422,\"detail\":\"no specialist dr-nobody\"}")).then()
                        : out.header("Content-Type", "application/json").sendString(Mono.just("{}")).then();
            })))
            .bindNow();

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void mdt(DynamicPropertyRegistry registry) {
        registry.add("consilium.console.mdt-url", () -> "http://127.0.0.1:" + MDT.port());
    }

    @AfterAll
    static void stop() {
        MDT.disposeNow();
    }

    @Test
    void aSwapGoesToMdtWithTheCoordinatorsTokenAndARefusalComesBackToTheSeat() {
        WebTestClient coordinator = SignedInAs.person(web, "coordinator", "cora.nolan", "Cora Nolan");
        URI done = coordinator.mutateWith(csrf()).post().uri("/cases/c-1/panel/pathology")
                .body(BodyInserters.fromFormData("specialistId", "dr-okafor").with("reason", "Dr Lee is away this week"))
                .exchange().expectStatus().isSeeOther().returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(done.getQuery()).startsWith("panel=dr-okafor now holds the pathology seat");
        assertThat(done.getFragment()).isEqualTo("panel");
        assertThat(BODIES.get("/reviews/c-1/panel/pathology")).contains("\"specialistId\":\"dr-okafor\"",
                "\"reason\":\"Dr Lee is away this week\"");
        assertThat(SEEN).singleElement().asString().startsWith("PUT /reviews/c-1/panel/pathology Bearer ");

        URI refused = coordinator.mutateWith(csrf()).post().uri("/cases/c-1/panel/pathology")
                .body(BodyInserters.fromFormData("specialistId", "dr-nobody").with("reason", "x"))
                .exchange().expectStatus().isSeeOther().returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(refused.getQuery()).matches("attempt=[0-9a-f-]{36}");
        assertThat(refused.getFragment()).isEqualTo("swap-pathology");

        SignedInAs.person(web, "specialist", "dr-tan", "Dr Tan").mutateWith(csrf()).post().uri("/cases/c-1/panel/pathology")
                .body(BodyInserters.fromFormData("specialistId", "dr-tan").with("reason", "me")).exchange()
                .expectStatus().isForbidden();
        assertThat(SEEN).hasSize(2);
    }
}
