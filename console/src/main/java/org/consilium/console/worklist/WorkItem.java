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
 * @param caseIdKey what a search by case id looks at: the id lower-cased, without its {@code case-} (made once)
 * @param nameTokens the keyed hashes of the words of the patient's name (caseview.PatientNames)
 */
public record WorkItem(String taskId, String caseId, String taskKey, String name, String assignee, Instant created,
                       Instant deadline, String deadlineSource, String urgency, boolean urgencyConfirmed, String stage,
                       Instant stageAt, String cancerType, String caseIdKey, Set<String> nameTokens) {

    /** Least time left first; then the more urgent case; then the older task; the task id keeps each one unique. */
    static final Comparator<WorkItem> BY_TIME_LEFT = Comparator
            .comparing(WorkItem::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(item -> CaseHeader.rank(item.urgency()))
            .thenComparing(WorkItem::created, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(WorkItem::taskId);

    static WorkItem of(CaseView view, OpenTaskView task) {
        return new WorkItem(task.taskId(), view.caseId(), task.taskKey(), task.name(), task.assignee(), task.created(),
                task.deadline(), task.deadlineSource(), view.urgency(), view.urgencyConfirmed(), view.stage(),
                view.stageAt(), view.cancerType(), caseIdKey(view.caseId()), Set.copyOf(view.nameTokens()));
    }

    private static final String CASE_PREFIX = "case-";

    /**
     * A case id or a search for one as the search compares them: lower case, without the {@code case-} every id
     * starts with ({@code case-3F2A} and {@code 3f2a} find the same cases); null for a search that is only a start of
     * {@code case-} itself, which every case matches.
     */
    static String caseIdKey(String idOrSearch) {
        String lower = idOrSearch.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith(CASE_PREFIX)) {
            return lower.substring(CASE_PREFIX.length());
        }
        return CASE_PREFIX.startsWith(lower) ? null : lower;
    }

    /** Found by a search for the start of its case id (its key: {@link #caseIdKey}); null matches every case. */
    boolean caseIdStartsWith(String searchedKey) {
        return searchedKey == null || caseIdKey.startsWith(searchedKey);
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
