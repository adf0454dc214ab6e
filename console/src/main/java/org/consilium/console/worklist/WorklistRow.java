package org.consilium.console.worklist;

import java.util.Comparator;
import java.util.Optional;

import org.consilium.console.cases.CaseHeader;
import org.consilium.console.engine.OpenTask;

/**
 * One line of the coordinator's worklist: an open task joined with its case.
 *
 * @param caseHeader empty when intake did not answer for this case (the row still shows, with the reason)
 * @param caseProblem why the case could not be read, for the row to say so
 */
public record WorklistRow(OpenTask task, String caseId, Optional<CaseHeader> caseHeader, String caseProblem,
                          TimeLeft timeLeft, String triagedUrgency) {

    /** Least time left first; then the more urgent case; then the older task. */
    static final Comparator<WorklistRow> BY_TIME_LEFT = Comparator
            .comparing((WorklistRow row) -> row.timeLeft().left())
            .thenComparing(row -> CaseHeader.rank(row.urgency()))
            .thenComparing(row -> row.task().created() == null ? "" : row.task().created());

    /** The urgency intake confirmed (after Review intake), else the triage table's, which the clocks already run on. */
    public String urgency() {
        return caseHeader.map(CaseHeader::urgency).filter(u -> u != null).orElse(triagedUrgency);
    }

    public boolean urgencyConfirmed() {
        return caseHeader.map(CaseHeader::urgency).filter(u -> u != null).isPresent();
    }

    /** The word only; the page adds "triage, to confirm" beside it while intake has not confirmed it. */
    public String urgencyLabel() {
        String urgency = urgency();
        if (urgency == null) {
            return "not triaged";
        }
        return urgency.charAt(0) + urgency.substring(1).toLowerCase();
    }

    public boolean hasUrgency(String wanted) {
        return wanted.equals(urgency());
    }
}
