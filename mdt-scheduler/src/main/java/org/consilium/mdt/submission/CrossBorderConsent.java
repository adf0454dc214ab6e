package org.consilium.mdt.submission;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the patient consented to their records going across borders ({@code cross-border-transfer}),
 * as intake said it: the purposes consented at intake (CaseSubmitted), then each later decision
 * (ConsentChanged). The newest decision by its own time wins, as in the process, so a redelivered or
 * late older event cannot undo a newer one.
 *
 * @param granted       the decision in force; null when intake never reported consents for the case
 * @param decidedAt     when that decision was made (the submission's time for the intake's consents)
 * @param appliedEvents the ids of the case events applied, so a redelivery changes nothing
 */
@Document("crossBorderConsents")
public record CrossBorderConsent(@Id String caseId, Boolean granted, Instant decidedAt, List<String> appliedEvents) {
    public CrossBorderConsent {
        appliedEvents = appliedEvents == null ? List.of() : List.copyOf(appliedEvents);
    }

    static CrossBorderConsent unknown(String caseId) {
        return new CrossBorderConsent(caseId, null, null, List.of());
    }

    boolean hasApplied(String eventId) {
        return appliedEvents.contains(eventId);
    }

    /** A decision, applied unless a newer one is already known; remembered either way. */
    CrossBorderConsent decided(boolean decision, Instant at, String eventId) {
        List<String> applied = new ArrayList<>(appliedEvents);
        applied.add(eventId);
        boolean newer = decidedAt == null || at == null || !at.isBefore(decidedAt);
        return newer ? new CrossBorderConsent(caseId, decision, at, applied)
                : new CrossBorderConsent(caseId, granted, decidedAt, applied);
    }

    public boolean given() {
        return Boolean.TRUE.equals(granted);
    }

    /** What is known, for a refusal's detail. */
    public String describe() {
        if (granted == null) {
            return "mdt-scheduler has no record of the patient's consent to cross-border transfer for case " + caseId
                    + " (intake's CaseSubmitted for it reported no consents, or never reached this service)";
        }
        return "the patient " + (granted ? "consented" : "did not consent") + " to cross-border transfer of the "
                + "records of case " + caseId + (decidedAt == null ? "" : " (decision of " + decidedAt + ")");
    }
}
