package org.consilium.mdt.report;

import org.consilium.support.problem.DomainProblem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The versioned report of a concluded review and the coordinator's QA on it. Every version is kept;
 * an edit is a new version with who, when and why. A coordinator approves one version (the current
 * one); an edit after approval withdraws it (the new text was not approved). Release needs the
 * current version approved and ends editing for good. Immutable: each rule returns the new state.
 *
 * @param approvedVersion the number of the approved version, null while none is (or an edit withdrew it)
 */
public record Report(List<ReportVersion> versions, Integer approvedVersion, String approvedBy, Instant approvedAt,
                     String releasedBy, Instant releasedAt) {

    public static final String FIRST_VERSION_REASON = "the consensus as the chair signed it";

    public Report {
        versions = versions == null ? List.of() : List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a report has at least its first version");
        }
    }

    /** Version 1: the consensus as the chair signed it. */
    public static Report first(ReportSections sections, String chair, Instant at) {
        return new Report(List.of(new ReportVersion(1, sections, chair, FIRST_VERSION_REASON, at)), null, null, null,
                null, null);
    }

    public ReportVersion current() {
        return versions.get(versions.size() - 1);
    }

    public ReportStatus status() {
        if (releasedAt != null) {
            return ReportStatus.RELEASED;
        }
        return approvedVersion != null ? ReportStatus.APPROVED : ReportStatus.DRAFT;
    }

    /**
     * A coordinator's edit: a new version. Refused once released, when the sections are those of the
     * current version (nothing to record), or when the editor worked on an older version than the
     * current one ({@code basedOnVersion}, optional).
     */
    public Report revise(String caseId, String editor, String reason, Integer basedOnVersion, ReportSections sections,
                         Instant at) {
        requireNotReleased(caseId, "edited");
        ReportVersion current = current();
        if (basedOnVersion != null && basedOnVersion != current.number()) {
            throw DomainProblem.conflict("stale-report-version", "the report of case " + caseId + " is at version "
                    + current.number() + " (by " + current.editor() + " at " + current.at() + "); the edit was based on "
                    + "version " + basedOnVersion + ": re-read it and edit again");
        }
        if (current.sections().equals(sections)) {
            throw DomainProblem.conflict("report-unchanged", "the edit of the report of case " + caseId
                    + " changes nothing in version " + current.number());
        }
        List<ReportVersion> next = new ArrayList<>(versions);
        next.add(new ReportVersion(current.number() + 1, sections, editor, reason, at));
        return new Report(next, null, null, null, null, null);
    }

    /** A coordinator approves the current version. */
    public Report approve(String caseId, String coordinator, Instant at) {
        return approve(caseId, coordinator, null, at);
    }

    /**
     * A coordinator approves the current version; with {@code readVersion}, only if that is the version they read
     * (an edit that landed meanwhile is not approved unseen).
     */
    public Report approve(String caseId, String coordinator, Integer readVersion, Instant at) {
        requireNotReleased(caseId, "approved again");
        requireRead(caseId, "approve", readVersion, current().number());
        if (approvedVersion != null) {
            throw DomainProblem.conflict("already-approved", "version " + approvedVersion + " of the report of case "
                    + caseId + " was approved by " + approvedBy + " at " + approvedAt);
        }
        return new Report(versions, current().number(), coordinator, at, null, null);
    }

    /** A coordinator releases the approved current version; no edits after that. */
    public Report release(String caseId, String coordinator, Instant at) {
        return release(caseId, coordinator, null, at);
    }

    /**
     * A coordinator releases the approved current version; with {@code readVersion}, only if that is the version
     * they read (what the patient receives is what the coordinator saw).
     */
    public Report release(String caseId, String coordinator, Integer readVersion, Instant at) {
        requireNotReleased(caseId, "released again");
        if (approvedVersion == null) {
            throw DomainProblem.conflict("report-not-approved", "version " + current().number()
                    + " of the report of case " + caseId + " is not approved yet; a coordinator approves before release");
        }
        requireRead(caseId, "release", readVersion, approvedVersion);
        return new Report(versions, approvedVersion, approvedBy, approvedAt, coordinator, at);
    }

    private void requireRead(String caseId, String step, Integer readVersion, int version) {
        if (readVersion != null && readVersion != version) {
            ReportVersion current = current();
            throw DomainProblem.conflict("stale-report-version", "the report of case " + caseId + " is at version "
                    + current.number() + " (by " + current.editor() + " at " + current.at() + "); the " + step
                    + " was of version " + readVersion + ": re-read it first");
        }
    }

    private void requireNotReleased(String caseId, String what) {
        if (releasedAt != null) {
            throw DomainProblem.conflict("report-released", "the report of case " + caseId + " was released by "
                    + releasedBy + " at " + releasedAt + " and can no longer be " + what);
        }
    }
}
