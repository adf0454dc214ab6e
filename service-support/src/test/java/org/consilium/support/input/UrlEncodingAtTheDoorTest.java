package org.consilium.support.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.consilium.support.problem.ProblemHandlers;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * A URL whose percent-encoded bytes are not UTF-8 is refused by name (issue 12): e2e's HostileInputTest sent
 * {@code %ED%A0%80} (a lone surrogate, CESU-8) in a case id and was answered 200, the id decoded to U+FFFDs.
 */
class UrlEncodingAtTheDoorTest {
    private static final ObjectMapper MAPPER = Jackson2ObjectMapperBuilder.json().build();

    @RestController
    static class Cases {
        @GetMapping("/cases/{id}")
        String one(@PathVariable String id, @RequestParam(required = false) String q) {
            return id + "|" + q;
        }
    }

    private final WebTestClient http = WebTestClient.bindToController(new Cases())
            .controllerAdvice(new ProblemHandlers()).webFilter(new PlainTextParameters(MAPPER)).build();

    @Test
    void bytesThatAreNotUtf8InAPathSegmentAreRefusedNamingThePath() {
        http.get().uri(URI.create("/cases/a%ED%A0%80b")).exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("urn:consilium:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("path")
                .jsonPath("$.errors[0].message").isEqualTo("must be UTF-8 text when percent-decoded");
    }

    @Test
    void bytesThatAreNotUtf8InTheQueryAreRefused() {
        http.get().uri(URI.create("/cases/c-1?q=%C3%28")).exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("query");
    }

    @Test
    void encodedUtf8StillPasses() {
        // "Zoë" and an Arabic word, percent-encoded as UTF-8
        http.get().uri(URI.create("/cases/Zo%C3%AB?q=%D8%B3%D9%84%D8%A7%D9%85")).exchange().expectStatus().isOk()
                .expectBody(String.class).isEqualTo("Zoë|سلام");
    }
}
