package org.consilium.bpmn.inbox;

import org.consilium.events.CaseMessage;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.CaseWithdrawn;
import org.consilium.events.Envelope;
import org.consilium.events.MdtConcluded;
import org.consilium.events.MdtScheduled;
import org.consilium.events.PanelMember;
import org.consilium.events.Recipient;
import org.consilium.events.ReportReleased;

import java.util.List;

/**
 * An event as the engine keeps it in its inbox: without what it says about people, their question or the report
 * (issue 11). The inbox lives in the engine's database; what {@link EventVariables} does not read has no business
 * there, and an event waiting to be correlated would otherwise hold a patient's name and question for as long as
 * it waits, and the applied ones until the inbox is cleaned.
 */
final class ThinPayloads {
    private ThinPayloads() {
    }

    static Envelope of(Envelope envelope) {
        CaseMessage thin = thin(envelope.payload());
        return thin == envelope.payload() ? envelope : new Envelope(envelope.id(), envelope.type(), envelope.source(),
                envelope.caseId(), envelope.time(), envelope.traceparent(), thin);
    }

    static CaseMessage thin(CaseMessage payload) {
        if (payload instanceof CaseSubmitted s) {
            // The doctor stays a presence, not a person: the process only asks whether one may be written to.
            Recipient doctor = s.currentDoctor() == null ? null : new Recipient(null, null, s.currentDoctor().language());
            return new CaseSubmitted(s.caseId(), s.cancerType(), s.decisionAtStake(), s.plannedTreatmentStart(), null, null,
                    null, s.languages(), s.timeZone(), s.country(), s.submittedAt(), s.treatingInstitution(), List.of(),
                    s.consents(), doctor, List.of(), null, null);
        }
        if (payload instanceof MdtScheduled s) {
            return new MdtScheduled(s.caseId(), s.sessionId(), s.sessionStartsAt(), s.panel().stream()
                    .map(m -> new PanelMember(m.specialistId(), null, m.discipline(), null, m.chair(), null)).toList());
        }
        if (payload instanceof MdtConcluded c) {
            return new MdtConcluded(c.caseId(), null, c.concludedAt());
        }
        if (payload instanceof ReportReleased r) {
            return new ReportReleased(r.caseId(), r.version(), null, r.releasedBy(), r.releasedAt());
        }
        if (payload instanceof CaseWithdrawn w) {
            return new CaseWithdrawn(w.caseId(), null, w.withdrawnAt());
        }
        return payload;
    }
}
