package org.consilium.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.bson.Document;
import org.consilium.support.crypto.FieldCipher;
import org.consilium.support.crypto.SealedFieldConverters;
import org.consilium.support.store.CollectionIndex;
import org.consilium.events.CloudEventCodec;
import org.consilium.events.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes outbox entries to Kafka and removes each one only after the broker acknowledged it.
 * A crash between the two re-sends the entry with the same id: consumers deduplicate on it, so
 * delivery is at-least-once and the effect is exactly-once.
 * <p>
 * Two ways in, one way out: an aggregate's save pushes its document ({@link #relaySoon}, through {@link OutboxPush}),
 * and the poll finds whatever a push missed (a failed send, a process killed after the save). Both relay a document
 * in a <em>turn</em>: one turn per document at a time in this JVM, so its entries leave in their order and a push that
 * arrives during a turn is run after it, never beside it (a second relayer would only send duplicates). Across
 * replicas of the service, a turn first claims its document in the store ({@link RelayClaims}).
 */
public class OutboxRelay {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /**
     * What the poll asks for: documents with an entry. By a field of the entries rather than {@code outbox.0} (an
     * array position), because an index on it serves the question: {@link #pendingIndex} on a real MongoDB, the
     * embedded store's own index of the same declaration. Without one the poll read every document each second
     * (issue 16: 6.8 s per poll at 100,000 cases on the embedded store).
     */
    private static final Criteria PENDING = Criteria.where("outbox.eventId").exists(true);

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
    /** Documents in a turn ({@code collection/_id}): {@link Turn#AGAIN} when something was saved during it. */
    private final ConcurrentMap<String, Turn> turns = new ConcurrentHashMap<>();
    /** Relaying leaves the saving request's thread and the store's: the answer never waits for the broker. */
    private final Scheduler pushes = Schedulers.newBoundedElastic(4, 100_000, "outbox-push", 60, true);
    private final Counter pushed;
    /** Null when replicas need not be told apart ({@code consilium.outbox.claim=false}). */
    private final RelayClaims claims;

    private enum Turn { RUNNING, AGAIN }

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
                       MeterRegistry meters, FieldCipher cipher, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.cipher = cipher;
        this.kafka = kafka;
        this.properties = properties;
        // a claim outlives the longest a healthy turn takes on a few entries; past that a second copy is harmless
        this.claims = properties.claim() ? new RelayClaims(mongo, properties.sendTimeout().multipliedBy(3), clock) : null;
        this.published = Counter.builder("consilium.outbox.published").description("events relayed to Kafka")
                .register(meters);
        this.pushed = Counter.builder("consilium.outbox.pushed")
                .description("events relayed right after their aggregate's save, rather than found by the poll")
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

    /**
     * The index the poll needs on {@code collection}: partial, so that it holds only the documents with entries (a
     * few, however many cases are stored) and the poll reads those. Declared for every relayed collection
     * ({@code ServiceSupportAutoConfiguration}); created with the others at start-up ({@code StoreIndexes}).
     */
    public static CollectionIndex pendingIndex(String collection) {
        return new CollectionIndex(collection, new Index().on("outbox.eventId", Sort.Direction.ASC)
                .named("outbox_pending").partial(PartialIndexFilter.of(PENDING)));
    }

    @Scheduled(fixedDelayString = "${consilium.outbox.poll-interval:1s}")
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

    /** Whether {@code collection} holds aggregates with an outbox this relay publishes. */
    public boolean relays(String collection) {
        return properties.push() && properties.collections().contains(collection);
    }

    /**
     * Relays the document's pending entries now, off the caller's thread; called once the save that raised them is
     * acknowledged (so on disk: the embedded store commits before it answers, a real one with journal and majority).
     * A failure is left to the poll.
     */
    public void relaySoon(String collection, Object id) {
        if (!relays(collection) || id == null) {
            return;
        }
        String key = collection + '/' + id;
        if (turns.compute(key, (k, turn) -> turn == null ? Turn.RUNNING : Turn.AGAIN) == Turn.RUNNING) {
            pushTurn(collection, id, key);
        }
    }

    private void pushTurn(String collection, Object id, String key) {
        relayDocument(collection, id)
                .doOnNext(entry -> pushed.increment())
                .then()
                .onErrorResume(e -> {
                    log.debug("outbox push of {} failed, the poll will retry: {}", key, e.toString());
                    return Mono.empty();
                })
                .doFinally(signal -> endTurn(collection, id, key))
                .subscribeOn(pushes)
                .subscribe();
    }

    /** Ends a turn; one more when a save came during it (its entries may have been read before they were there). */
    private void endTurn(String collection, Object id, String key) {
        if (turns.computeIfPresent(key, (k, turn) -> turn == Turn.AGAIN ? Turn.RUNNING : null) != null) {
            pushTurn(collection, id, key);
        }
    }

    private Flux<OutboxEntry> relay(String collection) {
        return mongo.find(new Query(PENDING), Document.class, collection)
                .collectList()
                .doOnNext(docs -> measure(collection, docs))
                .flatMapMany(Flux::fromIterable)
                .concatMap(doc -> polledTurn(collection, doc.get("_id")));
    }

    /** The poll's turn on one document: skipped while a push relays it (that push, or the next poll, sends it). */
    private Flux<OutboxEntry> polledTurn(String collection, Object id) {
        String key = collection + '/' + id;
        if (turns.putIfAbsent(key, Turn.RUNNING) != null) {
            return Flux.empty();
        }
        return relayDocument(collection, id).doFinally(signal -> endTurn(collection, id, key));
    }

    /**
     * The document's entries as they are now (read in the turn: what an earlier turn sent is gone), in order; with
     * claims on, only while this replica holds the document's claim (another replica's turn is left alone).
     */
    private Flux<OutboxEntry> relayDocument(String collection, Object id) {
        if (claims == null) {
            return mongo.findById(id, Document.class, collection).flatMapMany(doc -> relayEntries(collection, id, doc));
        }
        // no claim (another replica's turn, or nothing left to send): usingWhen completes without a turn or a release
        return Flux.usingWhen(claims.claim(collection, id), claimed -> relayEntries(collection, id, claimed),
                claimed -> claims.release(collection, id));
    }

    private Flux<OutboxEntry> relayEntries(String collection, Object id, Document doc) {
        return Flux.fromIterable(doc.getList("outbox", Document.class, List.of()))
                .map(d -> SealedFieldConverters.outboxEntry(d, cipher))
                .concatMap(entry -> send(entry).then(remove(collection, id, entry)).thenReturn(entry));
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
                // on the relay's own threads: with the broker away a send blocks for up to the producer's max.block.ms,
                // which must hold a relay thread, never the store driver's thread that delivered the document
                .concatMap(record -> Mono.fromFuture(() -> kafka.send(record)).subscribeOn(pushes))
                .then()
                .timeout(properties.sendTimeout())
                .doOnSuccess(ignored -> published.increment());
    }

    private Mono<Void> remove(String collection, Object id, OutboxEntry entry) {
        // Bumping the version makes a concurrent save of a stale copy (which still holds this entry) fail its
        // optimistic lock instead of silently putting the entry back to be sent again. Whoever loses re-reads and
        // decides again with a jittered back-off (ConcurrentChanges), so the bump costs a retry, not a request.
        // Only while the entry is there: a duplicate send (the poll's and a push's turns in two replicas) bumps nothing.
        Update pull = new Update().pull("outbox", new Document("eventId", entry.eventId())).inc("version", 1);
        Query holding = Query.query(Criteria.where("_id").is(id).and("outbox.eventId").is(entry.eventId()));
        return mongo.updateFirst(holding, pull, collection).then();
    }
}
