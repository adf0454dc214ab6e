package org.consilium.support.inbound;

import com.mongodb.reactivestreams.client.MongoClient;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.consilium.events.CaseWithdrawn;
import org.consilium.events.CloudEventCodec;
import org.consilium.events.Envelope;
import org.consilium.events.Topics;
import org.consilium.support.testing.RestartableStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12: a message that arrives while the store is down is applied once the store is back, not handed to the
 * binder (whose retries end in the dead-letter topic); any other failure still goes to the binder at once.
 */
class StoreOutageConsumerTest {
    private static final StoreOutageWait SHORT = new StoreOutageWait(Duration.ofSeconds(60), Duration.ofMillis(100),
            Duration.ofMillis(500));

    private final RestartableStore store = new RestartableStore();
    private final MongoClient client = store.client();
    private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "consumer");

    @AfterEach
    void close() {
        client.close();
        store.close();
    }

    @Test
    void aMessageThatArrivesWhileTheStoreIsDownIsAppliedWhenItIsBack() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Consumer<Message<byte[]>> consumer = InboundMessages.consumer(envelope -> Mono.defer(() -> {
            attempts.incrementAndGet();
            return mongo.save(new Document("_id", envelope.id()).append("case", envelope.caseId()), "applied");
        }), SHORT);
        store.stop();

        CompletableFuture<Void> applying = CompletableFuture.runAsync(() -> consumer.accept(withdrawal("event-1")));
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts.get() >= 2);
        assertThat(applying).as("still waiting for the store, not failed").isNotDone();
        store.start();

        applying.get(60, TimeUnit.SECONDS);
        assertThat(mongo.findById("event-1", Document.class, "applied").block()).containsEntry("case", "case-7");
    }

    @Test
    void aMessageThatArrivesWhileTheStoreFailsInsideItselfIsAppliedWhenItWorksAgain() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        // the driver's own exception, untranslated (GridFS and direct driver calls): "Unknown error: null", no code
        Consumer<Message<byte[]>> consumer = InboundMessages.consumer(envelope -> Mono.defer(() -> {
            attempts.incrementAndGet();
            return Mono.from(client.getDatabase("consumer").getCollection("applied")
                    .insertOne(new Document("_id", envelope.id()).append("case", envelope.caseId())));
        }), SHORT);
        store.failInside(true);

        CompletableFuture<Void> applying = CompletableFuture.runAsync(() -> consumer.accept(withdrawal("event-3")));
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts.get() >= 2);
        assertThat(applying).as("waiting for the store to work again, not failed").isNotDone();
        store.failInside(false);

        applying.get(60, TimeUnit.SECONDS);
        assertThat(mongo.findById("event-3", Document.class, "applied").block()).containsEntry("case", "case-7");
    }

    @Test
    void anyOtherFailureGoesToTheBindersRetriesAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        Consumer<Message<byte[]>> consumer = InboundMessages.consumer(envelope -> Mono.defer(() -> {
            attempts.incrementAndGet();
            return Mono.error(new IllegalArgumentException("not for this service"));
        }), SHORT);

        assertThatThrownBy(() -> consumer.accept(withdrawal("event-2"))).hasMessageContaining("not for this service");
        assertThat(attempts).hasValue(1);
    }

    private static Message<byte[]> withdrawal(String id) {
        Envelope envelope = Envelope.of(new CaseWithdrawn("case-7", "changed my mind", Instant.now()), id,
                "urn:consilium:test", Instant.now());
        ProducerRecord<String, byte[]> record = CloudEventCodec.toRecord(envelope, Topics.ALL.get(0));
        Map<String, Object> headers = new HashMap<>();
        record.headers().forEach(header -> headers.put(header.key(), header.value()));
        return MessageBuilder.withPayload(record.value()).copyHeaders(headers).build();
    }
}
