package org.consilium.mdt.review;

import org.consilium.mdt.report.Report;
import org.consilium.mdt.report.ReportStatus;
import org.consilium.mdt.report.ReportVersion;

import java.time.Instant;
import java.util.List;

/**
 * A review's report: the current version, its QA state, and every version (oldest first).
 *
 * @param approvedVersion the version a coordinator approved; null while none is (an edit withdraws an approval)
 */
public record ReportView(String caseId, ReportStatus status, ReportVersion current, Integer approvedVersion,
                         String approvedBy, Instant approvedAt, String releasedBy, Instant releasedAt,
                         List<ReportVersion> history) {

    static ReportView of(String caseId, Report report) {
        return new ReportView(caseId, report.status(), report.current(), report.approvedVersion(), report.approvedBy(),
                report.approvedAt(), report.releasedBy(), report.releasedAt(), report.versions());
    }

    /** What the review view shows of its report. */
    public record Summary(int currentVersion, ReportStatus status) {
        static Summary of(Report report) {
            return new Summary(report.current().number(), report.status());
        }
    }
}
