package org.consilium.support.store;

import com.mongodb.reactivestreams.client.MongoClient;
import org.bson.Document;
import org.consilium.support.problem.ProblemHandlers;
import org.consilium.support.testing.RestartableStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.SimpleReactiveMongoDatabaseFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Issue 12: while the store cannot be reached, an API answers 503 problem+json with Retry-After (it answered
 * 500), and answers as before once the store is back. Real MongoDB wire protocol, taken away and brought back.
 */
class StoreUnavailableApiTest {
    private final RestartableStore store = new RestartableStore();
    private final MongoClient client = store.client();
    private final WebTestClient http = WebTestClient.bindToController(new Notes(template()))
            .controllerAdvice(new ProblemHandlers())
            .build();

    @RestController
    record Notes(ReactiveMongoTemplate mongo) {
        @PostMapping("/notes")
        Mono<Document> add(@RequestBody Map<String, Object> note) {
            return mongo.insert(new Document(note), "notes");
        }

        @GetMapping("/notes/{id}")
        Mono<Document> one(@PathVariable String id) {
            return mongo.findById(id, Document.class, "notes");
        }
    }

    /** As a service has it: with the translation the service-support auto-configuration gives every template. */
    private ReactiveMongoTemplate template() {
        Object factory = new StoreOutageTranslation().postProcessAfterInitialization(
                new SimpleReactiveMongoDatabaseFactory(client, "notes"), "reactiveMongoDatabaseFactory");
        return new ReactiveMongoTemplate((SimpleReactiveMongoDatabaseFactory) factory);
    }

    @AfterEach
    void close() {
        client.close();
        store.close();
    }

    @Test
    void whileTheStoreIsDownReadsAndWritesAnswer503WithRetryAfterAndAfterwardsWorkAgain() {
        add("n1", "kept").expectStatus().isOk();

        store.stop();

        http.get().uri("/notes/n1").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:consilium:problem:store-unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.retryAfterSeconds").isEqualTo(5);
        add("n2", "later")
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:store-unavailable");

        store.start();

        add("n2", "later").expectStatus().isOk();
        http.get().uri("/notes/n2").exchange().expectStatus().isOk().expectBody().jsonPath("$.text").isEqualTo("later");
    }

    @Test
    void aStoreThatFailsInsideItselfAnswers503WithRetryAfterNotA500() {
        store.failInside(true);

        add("n3", "during").expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:store-unavailable");
        http.get().uri("/notes/n3").exchange().expectStatus().isEqualTo(503);

        store.failInside(false);

        add("n3", "during").expectStatus().isOk();
        http.get().uri("/notes/n3").exchange().expectStatus().isOk().expectBody().jsonPath("$.text").isEqualTo("during");
    }

    @Test
    void aCodedRefusalOfTheStoreIsNoOutage() {
        add("n4", "first").expectStatus().isOk();

        // a duplicate key is the request's fault, not the store's: not a 503 that a client would send again forever
        add("n4", "again").expectStatus().value(status -> org.assertj.core.api.Assertions.assertThat(status)
                .isNotEqualTo(503));
    }

    private WebTestClient.ResponseSpec add(String id, String text) {
        return http.post().uri("/notes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("_id", id, "text", text)).exchange();
    }
}
