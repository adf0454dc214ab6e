package org.consilium.support.outbox;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;

/**
 * Claims a document for one relay turn across replicas of a service (issue 17): its {@code relayClaim} field names
 * the replica and until when, set only when nobody else's claim is still valid, and removed when the turn ends. So
 * two replicas, each pushing its own saves and polling every document, do not relay the same document at once: its
 * entries leave once each and in order. (In one JVM the relay's turns already do that.)
 * <p>
 * A claim is a hint that saves nothing: an aggregate's save replaces the document and drops it, and a replica killed
 * mid-turn leaves it until it expires. Either way the worst case is what the relay always allowed, a second copy of
 * an event with the same id, which consumers ignore; never an event lost, as entries leave only once acknowledged.
 */
final class RelayClaims {
    static final String FIELD = "relayClaim";

    /** This process among the replicas: readable in the store (host and pid), unique across restarts. */
    private final String replica = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final ReactiveMongoTemplate mongo;
    private final Duration validFor;
    private final Clock clock;

    RelayClaims(ReactiveMongoTemplate mongo, Duration validFor, Clock clock) {
        this.mongo = mongo;
        this.validFor = validFor;
        this.clock = clock;
    }

    /** The document with its entries if it has some and this replica now holds its claim; empty otherwise. */
    Mono<Document> claim(String collection, Object id) {
        Date now = Date.from(clock.instant());
        Query free = Query.query(Criteria.where("_id").is(id).and("outbox.0").exists(true).orOperator(
                Criteria.where(FIELD).exists(false),
                Criteria.where(FIELD + ".by").is(replica),
                Criteria.where(FIELD + ".until").lt(now)));
        Update claimed = new Update().set(FIELD, new Document("by", replica)
                .append("until", Date.from(now.toInstant().plus(validFor))));
        return mongo.findAndModify(free, claimed, FindAndModifyOptions.options().returnNew(true), Document.class,
                collection);
    }

    /** Ends this replica's claim (a claim another replica took after this one expired stays). */
    Mono<Void> release(String collection, Object id) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(FIELD + ".by").is(replica)),
                new Update().unset(FIELD), collection).then();
    }

    String replica() {
        return replica;
    }
}
