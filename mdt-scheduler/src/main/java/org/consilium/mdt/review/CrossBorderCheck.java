package org.consilium.mdt.review;

import org.consilium.mdt.submission.CrossBorderConsents;
import org.consilium.support.problem.DomainProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Whether a coordinator's widening of licensure may apply to a case in a panel gap: only to disciplines the
 * case asked for, and only with the patient's consent to cross-border transfer: a specialist licensed
 * elsewhere reviewing the records is exactly what that consent is about. A consent this service never
 * heard of is not assumed (the process's "not reported counts as given" is for older cases reaching any
 * panel, not for this exception).
 */
@Component
class CrossBorderCheck {
    private final CrossBorderConsents consents;

    CrossBorderCheck(CrossBorderConsents consents) {
        this.consents = consents;
    }

    Mono<Void> allows(PanelGap gap, LicensureWidening widening) {
        for (int i = 0; i < widening.disciplines().size(); i++) {
            String discipline = widening.disciplines().get(i);
            if (!gap.brief().disciplines().contains(discipline)) {
                return Mono.error(new DomainProblem(HttpStatus.UNPROCESSABLE_ENTITY, "discipline-not-requested",
                        "crossBorderDisciplines[" + i + "]: case " + gap.caseId() + " asked for no " + discipline
                                + " (it asked for " + String.join(", ", gap.brief().disciplines()) + ")"));
            }
        }
        return consents.of(gap.caseId()).flatMap(consent -> consent.given() ? Mono.<Void>empty()
                : Mono.error(DomainProblem.conflict("cross-border-consent-missing", "licensure cannot be widened "
                + "for case " + gap.caseId() + ": " + consent.describe() + "; without that consent only "
                + "specialists licensed in " + gap.brief().country() + " may review it")));
    }
}
