package org.consilium.mdt.submission;

import org.consilium.events.CaseSubmitted;
import org.consilium.events.ConsentChanged;
import org.consilium.events.Envelope;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * Each case's consent to cross-border transfer, from intake's case events: a coordinator may let a
 * specialist licensed in another country review the case only with it (licensure widened per case).
 * One case's events share a partition, so a case is never written by two at once.
 */
@Component
public class CrossBorderConsents {
    private final CrossBorderConsentRepository consents;

    CrossBorderConsents(CrossBorderConsentRepository consents) {
        this.consents = consents;
    }

    /** Applies the consents of a CaseSubmitted; a producer that reports none leaves the consent unknown. */
    public Mono<Void> submitted(Envelope envelope) {
        CaseSubmitted submitted = envelope.payload(CaseSubmitted.class);
        if (submitted.consents().isEmpty()) {
            // an intake always has consent for review: an empty list is a producer that does not report consents
            return Mono.empty();
        }
        return apply(submitted.caseId(), envelope.id(),
                submitted.consents().contains(ConsentChanged.CROSS_BORDER_TRANSFER), submitted.submittedAt());
    }

    /** Applies a ConsentChanged for cross-border transfer; other purposes are not this service's concern. */
    public Mono<Void> changed(Envelope envelope) {
        ConsentChanged changed = envelope.payload(ConsentChanged.class);
        if (!ConsentChanged.CROSS_BORDER_TRANSFER.equals(changed.purpose())) {
            return Mono.empty();
        }
        return apply(changed.caseId(), envelope.id(), changed.granted(), changed.changedAt());
    }

    /** The consent in force for the case; unknown (granted null) when intake reported none. */
    public Mono<CrossBorderConsent> of(String caseId) {
        return consents.findById(caseId).defaultIfEmpty(CrossBorderConsent.unknown(caseId));
    }

    private Mono<Void> apply(String caseId, String eventId, boolean granted, Instant at) {
        return of(caseId).filter(known -> !known.hasApplied(eventId))
                .flatMap(known -> consents.save(known.decided(granted, at, eventId)))
                .then();
    }
}
