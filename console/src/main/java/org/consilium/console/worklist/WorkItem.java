package org.consilium.console.worklist;

import java.time.Instant;
import java.util.Comparator;
import java.util.Set;

import org.consilium.console.cases.CaseHeader;
import org.consilium.console.caseview.CaseView;
import org.consilium.console.caseview.OpenTaskView;

/**
 * One open coordinator task with what the worklist filters and sorts its case by, from the read model (ADR 18).
 *
 * @param deadline the task's due date, else the case's clock; null when neither is known
 * @param caseIdLowerCase made once, so a search does not lower-case 100,000 case ids per request
 * @param nameTokens the keyed hashes of the words of the patient's name (caseview.PatientNames)
 */
public record WorkItem(String taskId, String caseId, String taskKey, String name, String assignee, Instant created,
                       Instant deadline, String deadlineSource, String urgency, boolean urgencyConfirmed, String stage,
                       Instant stageAt, String cancerType, String caseIdLowerCase, Set<String> nameTokens) {

    /** Least time left first; then the more urgent case; then the older task; the task id keeps each one unique. */
    static final Comparator<WorkItem> BY_TIME_LEFT = Comparator
            .comparing(WorkItem::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(item -> CaseHeader.rank(item.urgency()))
            .thenComparing(WorkItem::created, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(WorkItem::taskId);

    static WorkItem of(CaseView view, OpenTaskView task) {
        return new WorkItem(task.taskId(), view.caseId(), task.taskKey(), task.name(), task.assignee(), task.created(),
                task.deadline(), task.deadlineSource(), view.urgency(), view.urgencyConfirmed(), view.stage(),
                view.stageAt(), view.cancerType(), view.caseId().toLowerCase(java.util.Locale.ROOT),
                Set.copyOf(view.nameTokens()));
    }

    /** The task's id, under the name the claim form (shared with the case page's engine tasks) reads. */
    public String id() {
        return taskId;
    }

    public boolean assignedTo(String username) {
        return username != null && username.equals(assignee);
    }

    /** Found by a search whose words (their hashes) are all words of the patient's name. */
    boolean named(Set<String> searched) {
        return !searched.isEmpty() && nameTokens.containsAll(searched);
    }

    public boolean breached(Instant now) {
        return deadline != null && deadline.isBefore(now);
    }
}
