package org.consilium.support.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.consilium.events.CaseWithdrawn;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.support.crypto.FieldCipher;
import org.consilium.support.testing.EmbeddedInfrastructure;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of a service relaying one collection (issue 17): this context's relay pushes every save, a second
 * relay on the same store and broker polls without pause meanwhile. With the documents claimed for each turn, every
 * entry is published once and in its document's order; with {@code consilium.outbox.claim=false} the two send the
 * same entries side by side.
 */
@SpringBootTest(properties = {"consilium.outbox.collections=sprockets", "consilium.outbox.source=/consilium/test-support",
        "consilium.outbox.poll-interval=1h", "spring.cloud.function.definition="})
class OutboxClaimTest {

    @SpringBootApplication
    static class App {
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.register(registry, "support-claim-test");
    }

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    OutboxProperties properties;
    @Autowired
    FieldCipher cipher;

    private OutboxRelay secondReplica() {
        return new OutboxRelay(mongo, kafka, properties, new SimpleMeterRegistry(), cipher, Clock.systemUTC());
    }

    @Test
    void twoReplicasRelayEachEntryOnceAndInItsDocumentsOrder() throws InterruptedException {
        Instant now = Instant.parse("2026-12-07T09:00:00Z");
        List<Sprocket> sprockets = IntStream.range(0, 30).mapToObj(i -> new Sprocket("s" + i, "case-claim-" + i,
                IntStream.range(0, 3).mapToObj(n -> OutboxEntry.of(new CaseWithdrawn("case-claim-" + i,
                        "reason " + n + " of " + i, now), now)).toList(), null)).toList();
        OutboxRelay other = secondReplica();
        AtomicBoolean polling = new AtomicBoolean(true);
        Thread poller = new Thread(() -> {
            while (polling.get()) {
                other.relayPending();
            }
        }, "second-replica");
        poller.start();
        try {
            Flux.fromIterable(sprockets).flatMap(s -> mongo.save(s, "sprockets"), 8).blockLast();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(mongo.findAll(Document.class,
                    "sprockets").collectList().block()).allSatisfy(doc -> assertThat(doc.getList("outbox",
                    Document.class)).isEmpty()));
        } finally {
            polling.set(false);
            poller.join();
        }

        for (Sprocket sprocket : sprockets) {
            assertThat(KafkaProbe.envelopes(MessageType.CASE_WITHDRAWN, sprocket.caseId())).extracting(Envelope::id)
                    .as("the events of %s", sprocket.id())
                    .containsExactlyElementsOf(sprocket.outbox().stream().map(OutboxEntry::eventId).toList());
        }
        assertThat(mongo.findAll(Document.class, "sprockets").collectList().block())
                .allSatisfy(doc -> assertThat(doc).doesNotContainKey(RelayClaims.FIELD));
    }

    @Test
    void aDocumentAnotherReplicaClaimedIsLeftToItUntilTheClaimExpires() {
        Instant now = Instant.parse("2026-12-07T09:00:00Z");
        OutboxEntry entry = OutboxEntry.of(new CaseWithdrawn("case-claimed-elsewhere", "moved", now), now);
        Document elsewhere = new Document("by", "another-replica")
                .append("until", Date.from(Instant.now().plus(Duration.ofHours(1))));
        mongo.save(new Sprocket("held", "case-claimed-elsewhere", List.of(entry), elsewhere), "sprockets").block();
        OutboxRelay other = secondReplica();

        other.relayPending();
        assertThat(mongo.findById("held", Document.class, "sprockets").block().getList("outbox", Document.class))
                .as("left to the replica that claimed it").hasSize(1);

        // that replica died mid-turn: its claim runs out, and the entry is not stranded
        mongo.updateFirst(Query.query(Criteria.where("_id").is("held")), new Update().set(RelayClaims.FIELD + ".until",
                Date.from(Instant.now().minusSeconds(1))), "sprockets").block();
        other.relayPending();

        assertThat(mongo.findById("held", Document.class, "sprockets").block().getList("outbox", Document.class))
                .isEmpty();
        assertThat(KafkaProbe.envelopes(MessageType.CASE_WITHDRAWN, "case-claimed-elsewhere"))
                .extracting(Envelope::id).containsExactly(entry.eventId());
    }

    record Sprocket(String id, String caseId, List<OutboxEntry> outbox, Document relayClaim) {
    }
}
