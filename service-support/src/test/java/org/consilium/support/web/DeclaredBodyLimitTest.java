package org.consilium.support.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;

/** A JSON body declared over the codec's limit is refused before it is read; within it, or not JSON, it goes on. */
class DeclaredBodyLimitTest {

    @RestController
    static class Echo {
        @PostMapping("/echo")
        Mono<Map<String, Object>> echo(@RequestBody Map<String, Object> body) {
            return Mono.just(Map.of("size", body.size()));
        }

        @PostMapping(path = "/bytes", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
        Mono<Map<String, Object>> bytes(@RequestBody byte[] body) {
            return Mono.just(Map.of("size", body.length));
        }
    }

    private final WebTestClient http = WebTestClient.bindToController(new Echo())
            .webFilter(new DeclaredBodyLimit(DataSize.ofKilobytes(16))).build();

    @Test
    void aJsonBodyDeclaredOverTheLimitIs413BeforeItIsRead() {
        String big = "{\"note\":\"" + "x".repeat(20 * 1024) + "\"}";
        http.post().uri("/echo").contentType(MediaType.APPLICATION_JSON).bodyValue(big).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:request-too-large")
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .contains("16 KB"));
        http.post().uri("/echo").contentType(MediaType.parseMediaType("application/merge-patch+json")).bodyValue(big)
                .exchange().expectStatus().isEqualTo(413);
    }

    @Test
    void aSmallJsonBodyAndBytesGoOn() {
        http.post().uri("/echo").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"a\":1}").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.size").isEqualTo(1);
        http.post().uri("/bytes").contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[20 * 1024])
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.size").isEqualTo(20 * 1024);
    }
}
