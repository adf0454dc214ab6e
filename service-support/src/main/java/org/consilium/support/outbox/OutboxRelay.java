package org.consilium.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.bson.Document;
import org.consilium.support.crypto.FieldCipher;
import org.consilium.support.crypto.SealedFieldConverters;
import org.consilium.events.CloudEventCodec;
import org.consilium.events.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes outbox entries to Kafka and removes each one only after the broker acknowledged it.
 * A crash between the two re-sends the entry with the same id: consumers deduplicate on it, so
 * delivery is at-least-once and the effect is exactly-once.
 */
public class OutboxRelay {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    /** Entries are stored sealed (SealedFieldConverters); read raw here, so opened here. */
    private final FieldCipher cipher;
    private final Counter published;
    /** Entries found waiting at the last poll, per collection (one gauge each, tagged). */
    private final Map<String, AtomicLong> pending = new HashMap<>();
    /** Age in seconds of the oldest entry found waiting at the last poll, per collection; 0 when none waits. */
    private final Map<String, AtomicLong> oldestAge = new HashMap<>();
    private final Clock clock;

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
                       MeterRegistry meters, FieldCipher cipher, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.cipher = cipher;
        this.kafka = kafka;
        this.properties = properties;
        this.published = Counter.builder("consilium.outbox.published").description("events relayed to Kafka")
                .register(meters);
        for (String collection : properties.collections()) {
            pending.put(collection, meters.gauge("consilium.outbox.pending", Tags.of("collection", collection),
                    new AtomicLong()));
            // a pending count says little at 200 ms polls; the oldest entry's age says the relay is stuck (alert rule)
            AtomicLong age = new AtomicLong();
            Gauge.builder("consilium.outbox.oldest.age", age, AtomicLong::get).baseUnit("seconds")
                    .description("age of the oldest event waiting in the outbox").tag("collection", collection)
                    .register(meters);
            oldestAge.put(collection, age);
        }
    }

    @Scheduled(fixedDelayString = "${consilium.outbox.poll-interval:200ms}")
    public void relayPending() {
        try {
            Long relayed = Flux.fromIterable(properties.collections()).concatMap(this::relay).count()
                    .block(properties.sendTimeout().multipliedBy(6));
            if (relayed != null && relayed > 0) {
                log.debug("relayed {} outbox entries", relayed);
            }
        } catch (RuntimeException e) {
            // The next poll retries: entries stay in their documents until acknowledged.
            log.warn("outbox relay failed, will retry: {}", e.toString());
        }
    }

    private Flux<OutboxEntry> relay(String collection) {
        Query withPending = new Query(Criteria.where("outbox.0").exists(true));
        return mongo.find(withPending, Document.class, collection)
                .collectList()
                .doOnNext(docs -> measure(collection, docs))
                .flatMapMany(Flux::fromIterable)
                .concatMap(doc -> Flux.fromIterable(doc.getList("outbox", Document.class))
                        .map(d -> SealedFieldConverters.outboxEntry(d, cipher))
                        .concatMap(entry -> send(entry).then(remove(collection, doc.get("_id"), entry)).thenReturn(entry)));
    }

    private void measure(String collection, List<Document> docs) {
        List<Document> entries = docs.stream().flatMap(d -> d.getList("outbox", Document.class).stream()).toList();
        pending.get(collection).set(entries.size());
        Instant now = clock.instant();
        oldestAge.get(collection).set(entries.stream().map(entry -> entry.getDate("time")).filter(Objects::nonNull)
                .mapToLong(time -> Math.max(0, Duration.between(time.toInstant(), now).toSeconds())).max().orElse(0));
    }

    private Mono<Void> send(OutboxEntry entry) {
        Envelope envelope = entry.toEnvelope(properties.source());
        return Flux.fromIterable(CloudEventCodec.toRecords(envelope))
                .concatMap(record -> Mono.fromFuture(() -> kafka.send(record)))
                .then()
                .timeout(properties.sendTimeout())
                .doOnSuccess(ignored -> published.increment());
    }

    private Mono<Void> remove(String collection, Object id, OutboxEntry entry) {
        // Bumping the version makes a concurrent save of a stale copy (which still holds this entry) fail its
        // optimistic lock instead of silently putting the entry back to be sent again. Whoever loses re-reads and
        // decides again with a jittered back-off (ConcurrentChanges), so the bump costs a retry, not a request.
        Update pull = new Update().pull("outbox", new Document("eventId", entry.eventId())).inc("version", 1);
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), pull, collection).then();
    }
}
