package org.consilium.support.outbox;

import org.bson.Document;
import org.consilium.events.CaseWithdrawn;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.support.testing.EmbeddedInfrastructure;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(properties = {"consilium.outbox.collections=widgets", "consilium.outbox.source=/consilium/test-support",
        "spring.cloud.function.definition="})
class OutboxRelayTest {

    @SpringBootApplication
    static class App {
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.register(registry, "support-test");
    }

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void relaysEachPendingEntryOnceAndRemovesItAfterTheAck() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        OutboxEntry first = OutboxEntry.of(new CaseWithdrawn("case-outbox-1", "moved abroad", now), now);
        OutboxEntry second = OutboxEntry.of(new CaseWithdrawn("case-outbox-1", "second thoughts", now), now);
        Widget widget = new Widget("w1", "case-outbox-1", List.of(first, second));
        mongo.save(widget, "widgets").block();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(mongo.findById("w1", Document.class, "widgets").block().getList("outbox", Document.class))
                        .isEmpty());

        List<Envelope> published = KafkaProbe.envelopes(MessageType.CASE_WITHDRAWN, "case-outbox-1");
        assertThat(published).extracting(Envelope::id).containsExactly(first.eventId(), second.eventId());
        assertThat(published).allSatisfy(e -> assertThat(e.source()).isEqualTo("/consilium/test-support"));
        assertThat(published.get(0).payload(CaseWithdrawn.class).reason()).isEqualTo("moved abroad");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                meters.get("consilium.outbox.pending").tag("collection", "widgets").gauge().value()).isZero());
    }

    @Autowired
    org.springframework.boot.actuate.health.HealthEndpoint health;

    @Test
    void healthIsUpOnTheEmbeddedMongoServer() {
        // Boot's own Mongo indicator sends 'hello', which mongo-java-server rejects: the service looked DOWN.
        assertThat(health.healthForPath("mongo").getStatus().getCode()).isEqualTo("UP");
    }

    record Widget(String id, String caseId, List<OutboxEntry> outbox) {
    }
}
