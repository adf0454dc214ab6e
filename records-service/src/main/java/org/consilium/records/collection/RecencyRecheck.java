package org.consilium.records.collection;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Documents age: an item received fresh goes STALE when its window passes, without any upload.
 * On a schedule ({@code consilium.records.recency-recheck}, default 1h) every collecting case is
 * re-evaluated and RecordsIncomplete is raised for those whose missing or stale items changed,
 * so reminders name the items that went stale. A case whose lists did not change is not written.
 */
@Component
public class RecencyRecheck {
    private static final Logger log = LoggerFactory.getLogger(RecencyRecheck.class);
    private final ReactiveMongoTemplate mongo;
    private final CaseRecordsStore store;
    private final Clock clock;

    public RecencyRecheck(ReactiveMongoTemplate mongo, CaseRecordsStore store, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${consilium.records.recency-recheck:1h}",
            fixedDelayString = "${consilium.records.recency-recheck:1h}")
    public void scheduled() {
        Long changed = recheck(clock.instant()).block(Duration.ofMinutes(10));
        if (changed != null && changed > 0) {
            log.info("recency recheck: {} case(s) have items that went stale", changed);
        }
    }

    /** Re-evaluates every collecting case as of {@code now}; the number of cases that raised RecordsIncomplete. */
    public Mono<Long> recheck(Instant now) {
        Query collecting = Query.query(where("status").is(RecordsStatus.COLLECTING));
        collecting.fields().include("_id");
        return mongo.find(collecting, Document.class, CaseRecords.COLLECTION)
                .concatMap(d -> store.change(d.getString("_id"), r -> r.recheck(now))
                        .map(r -> !r.raised().isEmpty())
                        .onErrorResume(e -> {
                            log.warn("recency recheck of case {} failed: {}", d.get("_id"), e.toString());
                            return Mono.just(false);
                        }))
                .filter(Boolean::booleanValue)
                .count();
    }
}
