package org.consilium.console.reportdesk;

import java.time.Instant;

/**
 * A case's report as mdt-scheduler's report desk tells it ({@code GET /reviews/{caseId}/report}): read, never kept.
 *
 * @param status {@code DRAFT} (the current version waits for approval), {@code APPROVED} (for release), {@code RELEASED}
 */
public record ReportState(String caseId, String status, Version current, Integer approvedVersion, String approvedBy) {

    public record Version(int number, Sections sections, String editor, Instant at) {
    }

    public record Sections(boolean confirmsFirstOpinion, String recommendation, String plainLanguageSummary) {
    }

    public boolean awaitsApproval() {
        return "DRAFT".equals(status);
    }

    public boolean awaitsRelease() {
        return "APPROVED".equals(status);
    }

    /** The desk's next step for this report: what the row's button does. */
    public String nextStep() {
        return awaitsApproval() ? "approve" : "release";
    }
}
