package org.consilium.console.worklist;

import java.time.Instant;
import java.util.Optional;

import org.consilium.console.caseview.CaseStage;
import org.consilium.console.cases.CaseHeader;

/**
 * One line of the coordinator's worklist: an open task from the read model, joined with its case from intake for the
 * patient's name and the question (sealed there, never copied into the read model: ADR 18).
 *
 * @param caseHeader  empty when intake did not answer for this case (the row still shows, with the reason)
 * @param caseProblem why the case could not be read, for the row to say so
 */
public record WorklistRow(WorkItem item, Optional<CaseHeader> caseHeader, String caseProblem, TimeLeft timeLeft) {

    static WorklistRow of(WorkItem item, Optional<CaseHeader> header, String problem, Instant now) {
        Optional<Instant> deadline = Optional.ofNullable(item.deadline());
        boolean due = "due".equals(item.deadlineSource());
        return new WorklistRow(item, header, problem,
                TimeLeft.of(due ? deadline : Optional.empty(), due ? Optional.empty() : deadline, now));
    }

    public String caseId() {
        return item.caseId();
    }

    public String urgency() {
        return item.urgency();
    }

    public boolean urgencyConfirmed() {
        return item.urgencyConfirmed();
    }

    /** The word only; the page adds "triage, to confirm" beside it while intake has not confirmed it. */
    public String urgencyLabel() {
        String urgency = urgency();
        return urgency == null ? "not triaged" : urgency.charAt(0) + urgency.substring(1).toLowerCase();
    }

    public String stageLabel() {
        return item.stage() == null ? "—" : CaseStage.label(item.stage());
    }

    public String cancerTypeLabel() {
        return item.cancerType() == null ? "—" : item.cancerType().replace('-', ' ');
    }

    public String stageSinceText() {
        return item.stageAt() == null ? "" : org.consilium.console.pages.UtcText.of(item.stageAt());
    }

    public String patientName() {
        return caseHeader.map(CaseHeader::patientName).filter(name -> !name.isBlank()).orElse("");
    }
}
