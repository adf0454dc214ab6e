package org.consilium.notification.casefile;

import org.consilium.events.CaseSubmitted;
import org.consilium.events.ConsentChanged;
import org.consilium.events.Envelope;
import org.consilium.events.Json;
import org.consilium.events.ReportContent;
import org.consilium.events.ReportReleased;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What notification-service keeps of other services' events to address and fill in the engine's thin commands:
 * the case's people and consents ({@link CaseContacts}) and the released report versions ({@link ReleasedReport}).
 * Every change is idempotent and order-free: a redelivered event changes nothing, a consent decision may come
 * before the submission it belongs to, and an older decision never overrides a newer one.
 */
@Component
public class CaseFacts {
    private final ReactiveMongoTemplate mongo;

    public CaseFacts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Applies the events this service keeps; any other event changes nothing. */
    public Mono<Void> apply(Envelope event) {
        return switch (event.type()) {
            case CASE_SUBMITTED -> change(event.caseId(), stored -> submitted(stored, event));
            case CONSENT_CHANGED -> change(event.caseId(), stored -> stored.orElseGet(() -> empty(event.caseId()))
                    .decided(event.payload(ConsentChanged.class)));
            case REPORT_RELEASED -> released(event.payload(ReportReleased.class));
            default -> Mono.empty();
        };
    }

    public Mono<CaseContacts> contacts(String caseId) {
        return mongo.findById(caseId, CaseContacts.class);
    }

    public Mono<ReportContent> report(String caseId, int version) {
        return mongo.findById(ReleasedReport.id(caseId, version), ReleasedReport.class)
                .map(r -> Json.read(r.content().getBytes(StandardCharsets.UTF_8), ReportContent.class));
    }

    /** The newest version released of the case's report, with its content: what the patient downloads. */
    public Mono<Released> latestReport(String caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId))
                        .with(Sort.by(Sort.Direction.DESC, "version")).limit(1), ReleasedReport.class).next()
                .map(r -> new Released(r.version(), r.releasedAt(),
                        Json.read(r.content().getBytes(StandardCharsets.UTF_8), ReportContent.class)));
    }

    /** One released version's content, and when it was released (null if kept before that was). */
    public record Released(int version, java.time.Instant releasedAt, ReportContent content) {
    }

    private static CaseContacts submitted(Optional<CaseContacts> stored, Envelope event) {
        CaseSubmitted submitted = event.payload(CaseSubmitted.class);
        Map<String, CaseContacts.Decision> decided = stored.map(CaseContacts::consents).orElse(Map.of());
        // decisions applied before this submission arrived are newer than it: they stay
        return CaseContacts.of(submitted, submitted.submittedAt() != null ? submitted.submittedAt() : event.time(), decided)
                .withVersion(stored.map(CaseContacts::version).orElse(0L));
    }

    private static CaseContacts empty(String caseId) {
        return new CaseContacts(caseId, null, null, null, null, null, null, Map.of(), 0);
    }

    private Mono<Void> released(ReportReleased event) {
        if (event.report() == null) {
            return Mono.empty();
        }
        ReleasedReport report = new ReleasedReport(ReleasedReport.id(event.caseId(), event.version()), event.caseId(),
                event.version(), new String(Json.write(event.report()), StandardCharsets.UTF_8), event.releasedAt());
        // a version's content never changes: the first write stands, a redelivery finds it
        return mongo.insert(report).onErrorResume(DuplicateKeyException.class, e -> Mono.empty()).then();
    }

    /** Read, change, write back guarded by the version; retried when another write came between. */
    private Mono<Void> change(String caseId, Function<Optional<CaseContacts>, CaseContacts> change) {
        return contacts(caseId).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(stored -> write(stored, change.apply(stored)))
                .retryWhen(Retry.backoff(10, Duration.ofMillis(10))
                        .filter(e -> e instanceof OptimisticLockingFailureException || e instanceof DuplicateKeyException))
                .then();
    }

    private Mono<Void> write(Optional<CaseContacts> stored, CaseContacts changed) {
        if (stored.isEmpty()) {
            return mongo.insert(changed.withVersion(1)).then();
        }
        if (changed.withVersion(stored.get().version()).equals(stored.get())) {
            return Mono.empty();
        }
        Query current = Query.query(Criteria.where("_id").is(stored.get().caseId()).and("version").is(stored.get().version()));
        return mongo.findAndReplace(current, changed.withVersion(stored.get().version() + 1))
                .switchIfEmpty(Mono.error(() -> new OptimisticLockingFailureException("the contacts of case "
                        + stored.get().caseId() + " changed meanwhile")))
                .then();
    }
}
