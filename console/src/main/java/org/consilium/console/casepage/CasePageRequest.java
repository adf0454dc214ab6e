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
 * @param section       a refused form of the records or links section
 * @param recordsDone   what the records section just did (waived, overridden)
 * @param linksDone     what the links section just did (revoked)
 * @param issued        a link just made, its address shown this once
 * @param panelDone     what the panel section just did (a swap)
 */
public record CasePageRequest(Optional<Attempt> task, Optional<ReportEditAttempt> reportEdit, String done, String refused,
                              String reportDone, String reportRefused, Integer diffFrom, Integer diffTo,
                              Optional<SectionAttempt> section, String recordsDone, String linksDone,
                              Optional<UploadLink.Issued> issued, String panelDone) {

    public static CasePageRequest plain() {
        return new CasePageRequest(Optional.empty(), Optional.empty(), null, null, null, null, null, null,
                Optional.empty(), null, null, Optional.empty(), null);
    }

    /** The refused submission's status (the page answers with it), else 200. */
    int status() {
        return task.map(Attempt::status).or(() -> reportEdit.map(ReportEditAttempt::status))
                .or(() -> section.map(SectionAttempt::status)).orElse(200);
    }
}
