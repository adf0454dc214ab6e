package org.consilium.support.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.consilium.support.problem.ProblemHandlers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The door every service's API shares (issue 11, section 2): the JSON reader, the URL check and the
 * problem handlers, wired as the auto-configuration wires them, in front of a small controller.
 */
class InputAtTheDoorTest {
    private static final ObjectMapper MAPPER = Jackson2ObjectMapperBuilder.json().build();

    record Address(String city) {
    }

    record Person(@NotBlank @Size(max = 200) @SingleLine String name, Integer age, List<String> notes, Address address,
                  LocalDate born) {
    }

    @RestController
    static class People {
        @PostMapping("/people")
        Person create(@Valid @RequestBody Person person) {
            return person;
        }

        @GetMapping("/people")
        List<String> find(@RequestParam(required = false) String q, @RequestParam(defaultValue = "10") int limit) {
            return List.of(String.valueOf(q), String.valueOf(limit));
        }

        @GetMapping("/people/search")
        String search(@RequestParam String q) {
            return q;
        }

        @GetMapping("/people/{id}")
        String one(@PathVariable String id) {
            return id;
        }
    }

    private final WebTestClient http = WebTestClient.bindToController(new People())
            .controllerAdvice(new ProblemHandlers())
            .httpMessageCodecs(codecs -> {
                codecs.defaultCodecs().jackson2JsonDecoder(new org.springframework.http.codec.json.Jackson2JsonDecoder(MAPPER));
                new StrictJsonCodecs(MAPPER).customize(codecs);
            })
            .webFilter(new PlainTextParameters(MAPPER))
            .build();

    private WebTestClient.BodyContentSpec post(String json, int status) {
        return http.post().uri("/people").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange()
                .expectStatus().isEqualTo(status).expectBody();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyTextFieldWithAControlOrBidiCharacterIsRefusedByName() {
        post("""
                {"name": "Bu\\u0007di", "notes": ["fine", "pay\\u202Eexe.pdf"], "address": {"city": "x\\ud800"}}
                """, 400)
                .jsonPath("$.type").isEqualTo("urn:consilium:problem:validation")
                .jsonPath("$.errors[*].field").value(f -> assertThat((List<String>) f)
                        .containsExactly("address.city", "name", "notes[1]"))
                .jsonPath("$.errors[?(@.field == 'name')].message").isEqualTo(
                        "must not contain the control character U+0007 (character 3)");
    }

    @Test
    void freeTextKeepsLineBreaksButASingleLineFieldDoesNot() {
        post("{\"name\": \"Budi\", \"notes\": [\"line one\\nline two\\ttabbed\"]}", 200)
                .jsonPath("$.notes[0]").isEqualTo("line one\nline two\ttabbed");
        post("{\"name\": \"Budi\\nSantoso\"}", 400)
                .jsonPath("$.type").isEqualTo("urn:consilium:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void lengthsCountCodePoints() {
        post("{\"name\": \"" + "😀".repeat(200) + "\"}", 200);
        post("{\"name\": \"" + "😀".repeat(201) + "\"}", 400).jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void contentAfterTheJsonDocumentIsRefused() {
        for (String trailing : List.of("{\"name\": \"a\"}{\"name\": \"b\"}", "{\"name\": \"a\"} x", "{\"name\": \"a\"} 1")) {
            post(trailing, 400).jsonPath("$.type").isEqualTo("urn:consilium:problem:unreadable-request")
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).as(trailing)
                            .startsWith("the body must be exactly one JSON document").doesNotContain("java.", "org.", "`"));
        }
    }

    @Test
    void aValueOfTheWrongKindIsExplainedWithoutJavaTypeNames() {
        post("{\"name\": \"a\", \"age\": \"abc\"}", 400)
                .jsonPath("$.type").isEqualTo("urn:consilium:problem:unreadable-request")
                .jsonPath("$.detail").isEqualTo("field 'age': 'abc' is not a whole number");
        post("{\"name\": \"a\", \"born\": \"yesterday\"}", 400)
                .jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("field 'born': ").doesNotContain("java"));
        post("{\"name\": \"a\", \"notes\": {\"x\": 1}}", 400)
                .jsonPath("$.detail").isEqualTo("field 'notes': must be a list");
    }

    @Test
    void queryAndPathTextIsCheckedToo() {
        http.get().uri(uri -> uri.path("/people").queryParam("q", "a\u202Eb").build()).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("q");
        http.get().uri("/people/{id}", "a\u0007b").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("path");
        http.get().uri("/people?q=fine&limit=5").exchange().expectStatus().isOk();
    }

    @Test
    void missingAndMalformedParametersAreValidationProblems() {
        http.get().uri("/people?limit=abc").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("limit")
                .jsonPath("$.errors[0].message").isEqualTo("'abc' is not a whole number");
        http.get().uri("/people/search").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("q");
    }

    @Test
    void theFrameworksRefusalsAreOurProblemTypesWithoutJavaNames() {
        expectProblem(http.post().uri("/people").contentType(MediaType.TEXT_PLAIN).bodyValue("hi").exchange(),
                415, "unsupported-media-type");
        expectProblem(http.delete().uri("/people").exchange(), 405, "method-not-allowed");
        expectProblem(http.get().uri("/people").accept(MediaType.APPLICATION_XML).exchange(), 406, "not-acceptable");
        expectProblem(http.get().uri("/nothing/here").exchange(), 404, "not-found");
    }

    private static void expectProblem(WebTestClient.ResponseSpec response, int status, String slug) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:" + slug)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .doesNotContain("java.", "org.springframework", "org.consilium", "InputAtTheDoorTest"));
    }
}
