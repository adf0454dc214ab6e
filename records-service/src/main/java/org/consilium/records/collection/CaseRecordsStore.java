package org.consilium.records.collection;

import org.consilium.support.concurrency.ConcurrentChanges;
import org.consilium.support.outbox.OutboxRelay;
import org.consilium.support.problem.DomainProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Loads and stores {@link CaseRecords}. An update is one atomic single-document write guarded
 * by the version: it sets the state, pushes the newly raised outbox entries and adds the newly
 * applied command ids. Pushing (instead of replacing the document) matters: a whole-document save
 * could bring an entry the relay has sent back and publish it twice. Not being a save, the update
 * hands the document to the relay itself once it is acknowledged (issue 16; a save would through
 * {@code OutboxPush}).
 */
@Component
public class CaseRecordsStore {
    private static final int ATTEMPTS = 8;
    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;

    public CaseRecordsStore(ReactiveMongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    public Mono<CaseRecords> find(String caseId) {
        return mongo.findById(caseId, CaseRecords.class);
    }

    /** The case's records, or a 404 problem. */
    public Mono<CaseRecords> get(String caseId) {
        return find(caseId).switchIfEmpty(Mono.error(() -> new DomainProblem(HttpStatus.NOT_FOUND,
                "not-found", "no records are being collected for case " + caseId)));
    }

    public Mono<CaseRecords> insert(CaseRecords records) {
        return mongo.insert(records);
    }

    /**
     * Loads the case, applies the change and stores it; re-reads and re-applies when another
     * writer got there first. A change that returns false stores nothing.
     */
    public Mono<CaseRecords> change(String caseId, Predicate<CaseRecords> change) {
        return Mono.defer(() -> get(caseId).flatMap(records -> change.test(records) ? update(records) : Mono.just(records)))
                .retryWhen(ConcurrentChanges.retry("the records of case " + caseId));
    }

    /** Creates the case's records, or changes the existing ones; safe against a concurrent creation. */
    public Mono<CaseRecords> createOrChange(String caseId, Supplier<CaseRecords> create,
                                            Predicate<CaseRecords> change) {
        return Mono.defer(() -> find(caseId)
                        .flatMap(records -> change.test(records) ? update(records) : Mono.just(records))
                        .switchIfEmpty(Mono.defer(() -> insert(create.get()))))
                .retryWhen(Retry.max(ATTEMPTS).filter(e -> e instanceof OptimisticLockingFailureException
                        || e instanceof DuplicateKeyException));
    }

    private Mono<CaseRecords> update(CaseRecords records) {
        Update update = new Update()
                .set("status", records.status())
                .set("items", records.items())
                .set("completedAt", records.completedAt())
                .set("cancelledAt", records.cancelledAt())
                .set("cancelReason", records.cancelReason())
                .set("override", records.override())
                .set("lastIncomplete", records.lastIncomplete())
                .inc("version", 1);
        if (!records.raised().isEmpty()) {
            update.push("outbox").each(records.raised().toArray());
        }
        if (!records.newlyApplied().isEmpty()) {
            update.addToSet("appliedEvents").each(records.newlyApplied().toArray());
        }
        Query current = Query.query(where("_id").is(records.caseId()).and("version").is(records.version()));
        return mongo.updateFirst(current, update, CaseRecords.class).flatMap(result -> result.getMatchedCount() == 1
                ? Mono.just(records).doOnNext(stored -> pushRaised(stored))
                : Mono.error(new OptimisticLockingFailureException("case records " + records.caseId()
                        + " changed since version " + records.version())));
    }

    private void pushRaised(CaseRecords stored) {
        if (!stored.raised().isEmpty()) {
            relay.relaySoon(mongo.getCollectionName(CaseRecords.class), stored.caseId());
        }
    }
}
