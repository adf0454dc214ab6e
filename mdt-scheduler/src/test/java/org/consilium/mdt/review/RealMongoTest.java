package org.consilium.mdt.review;

import org.consilium.events.Envelope;
import org.consilium.events.MdtConcluded;
import org.consilium.events.MessageType;
import org.consilium.events.ScheduleReview;
import org.consilium.events.Urgency;
import org.consilium.support.testing.EmbeddedInfrastructure;
import org.consilium.support.testing.KafkaProbe;
import org.consilium.support.testing.TestTokens;
import org.springframework.http.HttpHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store-specific parts (conditional seat updates, versioned saves, the outbox relay's pulls)
 * against a real MongoDB. Skipped where Docker is not available. The command consumer does not
 * start here, so this context never competes with the embedded-infrastructure context for
 * commands; the handler the consumer calls is invoked directly instead.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.bindings.mdtCommands-in-0.consumer.auto-startup=false",
        "spring.cloud.stream.bindings.mdtCommands-in-0.group=mdt-scheduler-real-mongo",
        "consilium.mdt.guest-links.secret=" + org.consilium.mdt.ServiceTest.LINK_SECRET})
class RealMongoTest {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.register(registry, "unused");
        TestTokens.register(registry);
        registry.add("spring.data.mongodb.uri", () -> MONGO.getReplicaSetUrl("consilium-mdt"));
    }

    @Autowired
    ReviewScheduling scheduling;

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aCaseIsScheduledDeliberatedAndConcludedOnRealMongo() {
        String caseId = "real-mongo-" + UUID.randomUUID().toString().substring(0, 8);
        ScheduleReview command = new ScheduleReview(caseId, "prostate", Urgency.URGENT,
                List.of("urologist", "medical-oncologist"), List.of("en"), "America/New_York", "Surgery or radiotherapy?",
                "Radical prostatectomy");
        Envelope envelope = Envelope.of(command, UUID.randomUUID().toString(), "/consilium/test", Instant.now());
        scheduling.apply(envelope).block();
        scheduling.apply(envelope).block(); // redelivered

        Review review = mongo.findById(caseId, Review.class).block();
        assertThat(review.panel()).hasSize(2);
        assertThat(mongo.findById(review.session().id(), org.bson.Document.class, "sessions").block()
                .getList("caseIds", String.class)).containsOnlyOnce(caseId);

        for (var member : review.panel()) {
            http.post().uri("/reviews/{id}/opinions", caseId).contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(member.specialistId(), null, "specialist"))
                    .bodyValue(Map.of("specialistId", member.specialistId(), "recommendation", "Active surveillance",
                            "agreesWithFirstOpinion", false, "confidence", "LOW"))
                    .exchange().expectStatus().isCreated();
        }
        String chairId = review.chair().orElseThrow().specialistId();
        http.post().uri("/reviews/{id}/consensus", caseId).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(chairId, null, "specialist"))
                .bodyValue(Map.of("chairId", chairId, "confirmsFirstOpinion", true, "recommendation", "Prostatectomy",
                        "plainLanguageSummary", "The panel agrees with the planned operation."))
                .exchange().expectStatus().isCreated();

        MdtConcluded concluded = KafkaProbe.awaitPublished(MessageType.MDT_CONCLUDED, caseId, MdtConcluded.class);
        assertThat(concluded.report().recommendation()).isEqualTo("Prostatectomy");
        assertThat(KafkaProbe.envelopes(MessageType.MDT_SCHEDULED, caseId)).hasSize(1);
    }
}
