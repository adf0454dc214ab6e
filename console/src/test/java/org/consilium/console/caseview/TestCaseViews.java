package org.consilium.console.caseview;

import java.time.Instant;

import org.consilium.events.Envelope;
import org.consilium.events.Urgency;

/** Read-model cases built the way the projection builds them, for tests outside its package. */
public final class TestCaseViews {
    private TestCaseViews() {
    }

    public static CaseView of(String caseId, String cancerType, String urgency, boolean confirmed, Envelope... events) {
        Instant at = Instant.parse("2026-12-01T08:00:00Z");
        CaseView view = CaseView.empty(caseId).apply(CaseEvents.submitted(caseId, cancerType, at));
        if (confirmed) {
            view = view.apply(CaseEvents.accepted(caseId, Urgency.valueOf(urgency), at));
            // accepted moves the case to collecting records; these tests filter on the submitted stage
            view = new CaseView(view.caseId(), view.version(), view.cancerType(), view.urgency(), true, "SUBMITTED",
                    view.stageAt(), view.submittedAt(), view.openTasks(), view.timeline());
        }
        for (Envelope event : events) {
            view = view.apply(event);
        }
        return view;
    }

    /** A case after these events, in order, from nothing. */
    public static CaseView after(String caseId, Envelope... events) {
        CaseView view = CaseView.empty(caseId);
        for (Envelope event : events) {
            view = view.apply(event);
        }
        return view;
    }

    /** The case found by its patient's name, as the projection keeps it (only the keyed hashes of its words). */
    public static CaseView named(CaseView view, PatientNames names, String patientName) {
        return view.withNameTokens(names.tokens(patientName));
    }
}
