package org.consilium.support.outbox;

import io.micrometer.core.instrument.MeterRegistry;
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
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the poll an hour apart (after its first run at start-up), only the push can relay what is saved: each
 * document's entries arrive, in order, once each, and leave the outbox.
 */
@SpringBootTest(properties = {"consilium.outbox.collections=gadgets", "consilium.outbox.source=/consilium/test-support",
        "consilium.outbox.poll-interval=1h", "spring.cloud.function.definition="})
class OutboxPushTest {

    @SpringBootApplication
    static class App {
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.register(registry, "support-push-test");
    }

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    @Test
    void aSavedAggregatesEntriesLeaveWithoutWaitingForThePoll() {
        Instant now = Instant.parse("2026-12-07T06:00:00Z");
        List<Gadget> gadgets = IntStream.range(0, 20).mapToObj(i -> new Gadget("g" + i, "case-push-" + i, List.of(
                OutboxEntry.of(new CaseWithdrawn("case-push-" + i, "first " + i, now), now),
                OutboxEntry.of(new CaseWithdrawn("case-push-" + i, "second " + i, now), now)))).toList();
        double before = meters.counter("consilium.outbox.pushed").count();

        Flux.fromIterable(gadgets).flatMap(g -> mongo.save(g, "gadgets"), 8).blockLast();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mongo.find(
                new org.springframework.data.mongodb.core.query.Query(), Document.class, "gadgets").collectList().block())
                .allSatisfy(doc -> assertThat(doc.getList("outbox", Document.class)).isEmpty()));
        for (Gadget gadget : gadgets) {
            List<Envelope> published = KafkaProbe.envelopes(MessageType.CASE_WITHDRAWN, gadget.caseId());
            assertThat(published).extracting(Envelope::id)
                    .containsExactly(gadget.outbox().get(0).eventId(), gadget.outbox().get(1).eventId());
        }
        assertThat(meters.counter("consilium.outbox.pushed").count() - before).isEqualTo(40);
    }

    record Gadget(String id, String caseId, List<OutboxEntry> outbox) {
    }
}
