package org.consilium.intake;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.consilium.support.testing.RealInfrastructure;
import org.consilium.support.testing.TestTokens;
import org.springframework.http.HttpHeaders;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same service against a real MongoDB and a real Kafka broker. Runs where Docker is
 * available; JUnit reports it as skipped (disabledWithoutDocker) where it is not.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RealInfrastructureTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "consilium-intake");
        TestTokens.register(registry);
    }

    @Autowired
    WebTestClient http;

    @Test
    void opensACaseOnRealMongoDbAndKafka() {
        http.post().uri("/cases")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("cora", "cora@consilium.example", "coordinator"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Intakes.LUNG_URGENT).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.stage").isEqualTo("SUBMITTED");
    }
}
