package org.consilium.intake;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Input limits of the public submission endpoints: submissions per caller, and body size. */
class SubmissionLimitsTest extends IntakeContextTest {
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aCallerOverTheSubmissionLimitGets429WithRetryAfter() {
        String email = "busy-" + UUID.randomUUID() + "@example.org";
        WebTestClient patient = as("busy-" + email, email, "patient");
        for (int i = 0; i < SUBMISSIONS_PER_HOUR; i++) {
            IntakeAccessTest.submit(patient, Intakes.lung(email, "c-" + email, "d-" + email));
        }
        long before = countCases();
        patient.post().uri("/cases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Intakes.lung(email, "c-" + email, "d-" + email)).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Long.parseLong(seconds))
                        .isPositive().isLessThanOrEqualTo(3600))
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:too-many-submissions");
        // the FHIR intake counts against the same limit, before its body is read
        patient.post().uri("/fhir").contentType(MediaType.parseMediaType("application/fhir+json")).bodyValue("{}")
                .exchange().expectStatus().isEqualTo(429);
        assertThat(countCases()).isEqualTo(before);

        // per caller: someone else still submits, and so do coordinators (staff are not limited)
        String other = "calm-" + UUID.randomUUID() + "@example.org";
        IntakeAccessTest.submit(as("calm", other, "patient"), Intakes.lung(other, "c-" + other, "d-" + other));
        for (int i = 0; i <= SUBMISSIONS_PER_HOUR; i++) {
            IntakeAccessTest.submit(http, Intakes.lung(email, "c-" + email, "d-" + email));
        }
    }

    @Test
    void aJsonIntakeOverItsSizeLimitIs413AndStoresNothing() {
        long before = countCases();
        String padded = Intakes.LUNG_URGENT.replaceFirst("\\{", "{\"padding\": \"" + "x".repeat(300 * 1024) + "\",");
        http.post().uri("/cases").contentType(MediaType.APPLICATION_JSON).bodyValue(padded).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:request-too-large");
        assertThat(countCases()).isEqualTo(before);
    }

    @Test
    void aBundleOverTheCodecLimitIs413() {
        String huge = "{\"resourceType\": \"Bundle\", \"padding\": \"" + "x".repeat(17 * 1024 * 1024) + "\"}";
        http.post().uri("/fhir").contentType(MediaType.parseMediaType("application/fhir+json")).bodyValue(huge)
                .exchange().expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:request-too-large");
    }

    /**
     * A Bundle declared over the limit is refused before its body is read: a client that asks first
     * ({@code Expect: 100-continue}, as curl does for large bodies) gets the 413 instead of a
     * {@code 100 Continue}, so it never sends the 17 MB (read first, the refusal came with most of the
     * body unread and a client still sending lost it to the closed connection). A raw socket: JDK 17's
     * HttpClient waits forever for a 100 that a refusal never sends.
     */
    @Test
    void aBundleDeclaredOverTheCodecLimitIs413BeforeItsBodyIsRead() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /fhir HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + STAFF
                    + "\r\nContent-Type: application/fhir+json\r\nContent-Length: " + 17 * 1024 * 1024
                    + "\r\nExpect: 100-continue\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).as("the first answer, before any of the body").startsWith("HTTP/1.1 413")
                    .contains("urn:consilium:problem:request-too-large");
        }
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private long countCases() {
        return mongo.getCollection("cases").flatMap(c -> Mono.from(c.countDocuments())).block();
    }
}
