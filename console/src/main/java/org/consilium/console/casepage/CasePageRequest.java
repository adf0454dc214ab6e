package org.consilium.console.casepage;

import java.util.Optional;

import org.consilium.console.reportdesk.ReportEditAttempt;
import org.consilium.console.taskform.Attempt;

/**
 * What the case page is asked to show besides the case, from its query string: a refused submission kept for it
 * ({@code attempt}), what was just done or refused, and the two report versions to compare.
 *
 * @param done          the name of a task just completed
 * @param refused       a claim's refusal, from the claim form's redirect
 * @param reportDone    what the report desk just did (saved, approved, released)
 * @param reportRefused why mdt-scheduler refused an approval or release
 */
public record CasePageRequest(Optional<Attempt> task, Optional<ReportEditAttempt> reportEdit, String done, String refused,
                              String reportDone, String reportRefused, Integer diffFrom, Integer diffTo) {

    public static CasePageRequest plain() {
        return new CasePageRequest(Optional.empty(), Optional.empty(), null, null, null, null, null, null);
    }

    /** The refused submission's status (the page answers with it), else 200. */
    int status() {
        return task.map(Attempt::status).or(() -> reportEdit.map(ReportEditAttempt::status)).orElse(200);
    }
}
