package org.consilium.console.caseview;

import java.time.Instant;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The read model's one collection, {@code cases} in the console's own database: a case per document, its id the case
 * id, written only by {@link CaseProjection} with an optimistic check on {@code version}.
 */
@Repository
public class CaseViewStore {
    private final ReactiveMongoTemplate mongo;

    public CaseViewStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The index the start-up load reads by (a real MongoDB uses it; the embedded store ignores secondary indexes).
     * The worklist itself is answered from memory ({@code worklist.OpenWork}), so no query of the list needs more.
     */
    @EventListener(ApplicationReadyEvent.class)
    void indexes() {
        mongo.indexOps(CaseView.class).ensureIndex(new Index().on("openTasks.taskId", Sort.Direction.ASC).sparse())
                .onErrorResume(error -> Mono.empty()).subscribe();
        mongo.indexOps(CaseView.class).ensureIndex(new Index().on("stage", Sort.Direction.ASC).on("stageAt", Sort.Direction.ASC))
                .onErrorResume(error -> Mono.empty()).subscribe();
    }

    public Mono<CaseView> find(String caseId) {
        return mongo.findById(caseId, CaseView.class);
    }

    /** Every case with an open task: what the worklist's memory is filled from at start. */
    public Flux<CaseView> withOpenTasks() {
        return mongo.find(Query.query(Criteria.where("openTasks.0").exists(true)), CaseView.class);
    }

    /**
     * Cases still in one of the given stages that entered it before the given instant (stage → instant), oldest
     * first: ops's stuck cases. A scan on the embedded store; {@code stage, stageAt} on a real MongoDB.
     */
    public Flux<CaseView> notMovedSince(Map<String, Instant> enteredBefore) {
        if (enteredBefore.isEmpty()) {
            return Flux.empty();
        }
        Criteria[] each = enteredBefore.entrySet().stream()
                .map(stage -> Criteria.where("stage").is(stage.getKey()).and("stageAt").lt(stage.getValue()))
                .toArray(Criteria[]::new);
        return mongo.find(Query.query(new Criteria().orOperator(each)).with(Sort.by("stageAt")), CaseView.class);
    }

    /** Stores the next version; false when someone stored another version first (the caller applies again). */
    Mono<Boolean> save(CaseView before, CaseView next) {
        if (before.version() == 0) {
            return mongo.insert(next).thenReturn(true)
                    .onErrorResume(org.springframework.dao.DuplicateKeyException.class, taken -> Mono.just(false));
        }
        Query same = Query.query(Criteria.where("_id").is(before.caseId()).and("version").is(before.version()));
        return mongo.replace(same, next).map(result -> result.getMatchedCount() == 1);
    }
}
