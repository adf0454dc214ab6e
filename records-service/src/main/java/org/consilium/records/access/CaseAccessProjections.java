package org.consilium.records.access;

import org.consilium.events.CaseSubmitted;
import org.consilium.events.ConsentChanged;
import org.consilium.events.Envelope;
import org.consilium.events.MdtScheduled;
import org.consilium.events.PanelChanged;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Keeps each case's {@link CaseAccessProjection} up to date from the case and MDT events. A change
 * is read, applied and written back guarded by the version (retried on a concurrent change), so
 * the events of one case may arrive in any order and any number of times.
 */
@Component
public class CaseAccessProjections {
    private final ReactiveMongoTemplate mongo;

    public CaseAccessProjections(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<CaseAccessProjection> find(String caseId) {
        return mongo.findById(caseId, CaseAccessProjection.class);
    }

    /** Applies the events that say who may see a case; any other event changes nothing. */
    public Mono<Void> apply(Envelope event) {
        return switch (event.type()) {
            case CASE_SUBMITTED -> change(event.caseId(), p -> p.submitted(event.payload(CaseSubmitted.class), event.time()));
            case CONSENT_CHANGED -> change(event.caseId(), p -> p.consent(event.payload(ConsentChanged.class), event.time()));
            case MDT_SCHEDULED -> change(event.caseId(), p -> p.scheduled(event.payload(MdtScheduled.class), event.time()));
            case PANEL_CHANGED -> change(event.caseId(), p -> p.swapped(event.payload(PanelChanged.class), event.time()));
            case REPORT_RELEASED -> change(event.caseId(), p -> p.released(event.time()));
            default -> Mono.empty();
        };
    }

    Mono<Void> change(String caseId, UnaryOperator<CaseAccessProjection> change) {
        return find(caseId).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(stored -> stored.isPresent()
                        ? replace(stored.get(), change.apply(stored.get()))
                        : mongo.insert(change.apply(CaseAccessProjection.empty(caseId))).then())
                .retryWhen(Retry.backoff(10, Duration.ofMillis(10))
                        .filter(e -> e instanceof OptimisticLockingFailureException || e instanceof DuplicateKeyException))
                .then();
    }

    private Mono<Void> replace(CaseAccessProjection stored, CaseAccessProjection changed) {
        if (changed.equals(stored)) {
            return Mono.empty();
        }
        CaseAccessProjection next = new CaseAccessProjection(changed.caseId(), changed.parties(), changed.consents(),
                changed.panel(), changed.panelAt(), changed.reportReleasedAt(), stored.version() + 1);
        Query current = Query.query(Criteria.where("_id").is(stored.caseId()).and("version").is(stored.version()));
        return mongo.findAndReplace(current, next)
                .switchIfEmpty(Mono.error(() -> new OptimisticLockingFailureException("case access of "
                        + stored.caseId() + " changed meanwhile")))
                .then();
    }
}
