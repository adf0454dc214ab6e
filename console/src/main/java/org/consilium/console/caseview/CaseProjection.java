package org.consilium.console.caseview;

import java.time.Duration;
import java.util.List;

import org.consilium.events.CaseSubmitted;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.events.Recipient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Applies one event to its case in the read model: read, apply, store the next version if nobody stored one in
 * between, else again. An event applied before changes nothing ({@link CaseView#apply}: its id is on the timeline), so
 * a redelivery after a crash between store and offset commit is harmless; an error leaves the offset uncommitted
 * and the binder retries, then dead-letters.
 */
@Component
public class CaseProjection {
    private final CaseViewStore store;
    private final List<CaseViewListener> listeners;
    private final PatientNames names;

    public CaseProjection(CaseViewStore store, List<CaseViewListener> listeners, PatientNames names) {
        this.store = store;
        this.listeners = List.copyOf(listeners);
        this.names = names;
    }

    public Mono<CaseView> apply(Envelope event) {
        return Mono.defer(() -> store.find(event.caseId()).defaultIfEmpty(CaseView.empty(event.caseId()))
                        .flatMap(before -> {
                            CaseView applied = before.apply(event);
                            if (applied == before) {
                                return Mono.just(before);
                            }
                            CaseView next = event.type() == MessageType.CASE_SUBMITTED ? named(applied, event) : applied;
                            return store.save(before, next).flatMap(saved -> saved ? Mono.just(next)
                                    : Mono.error(new ConcurrentCaseChange(event.caseId())));
                        }))
                .retryWhen(Retry.backoff(20, Duration.ofMillis(5)).filter(ConcurrentCaseChange.class::isInstance))
                .doOnNext(view -> listeners.forEach(listener -> listener.changed(view)));
    }

    /** The name itself is read here and never kept: only its words' keyed hashes ({@link PatientNames}). */
    private CaseView named(CaseView view, Envelope submittedEvent) {
        Recipient patient = submittedEvent.payload(CaseSubmitted.class).patient();
        return view.withNameTokens(names.tokens(patient == null ? null : patient.name()));
    }

    /** Another topic's consumer stored the case between our read and our write. */
    static final class ConcurrentCaseChange extends RuntimeException {
        ConcurrentCaseChange(String caseId) {
            super("case " + caseId + " changed meanwhile", null, false, false);
        }
    }
}
