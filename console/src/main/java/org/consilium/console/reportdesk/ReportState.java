package org.consilium.console.reportdesk;

import org.consilium.console.language.StaffWords;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.consilium.console.pages.UtcText;

/**
 * A case's report as mdt-scheduler's report desk tells it ({@code GET /reviews/{caseId}/report}): every version, who
 * wrote each and why, and the QA state. Read, never kept: mdt-scheduler owns the report (ADR 16).
 *
 * @param status          {@code DRAFT} (the current version waits for approval), {@code APPROVED} (for release),
 *                        {@code RELEASED}
 * @param approvedVersion the version a coordinator approved; null while none is (an edit withdraws an approval)
 * @param history         every version, oldest first
 */
public record ReportState(String caseId, String status, Version current, Integer approvedVersion, String approvedBy,
                          Instant approvedAt, String releasedBy, Instant releasedAt, List<Version> history) {

    public ReportState {
        history = history == null || history.isEmpty() ? (current == null ? List.of() : List.of(current)) : List.copyOf(history);
    }

    /**
     * One version, never changed once written.
     *
     * @param editor who wrote it (the chair for version 1, the coordinator for an edit)
     * @param reason why (version 1: the consensus as the chair signed it)
     */
    public record Version(int number, Sections sections, String editor, String reason, Instant at) {
        public String atText() {
            return UtcText.of(at);
        }
    }

    /** The content as mdt-scheduler holds it: the clinician's recommendation and the plain-language summary beside it. */
    public record Sections(boolean confirmsFirstOpinion, String recommendation, String plainLanguageSummary,
                           String differenceExplanation, List<String> dissent, List<Concern> concerns,
                           Comparison comparison, List<String> stillMissing, List<String> supportiveCare) {
        public Sections {
            dissent = dissent == null ? List.of() : List.copyOf(dissent);
            concerns = concerns == null ? List.of() : List.copyOf(concerns);
            stillMissing = stillMissing == null ? List.of() : List.copyOf(stillMissing);
            supportiveCare = supportiveCare == null ? List.of() : List.copyOf(supportiveCare);
        }
    }

    /** One of the patient's own concerns and the panel's answer. */
    public record Concern(String concern, String answer) {
    }

    /** The structured comparison with the first opinion; null parts were not addressed. */
    public record Comparison(String pathologyReadDifferently, String imagingReadDifferently,
                             Boolean bothOptionsReasonable, List<Option> benefitsAndRisks,
                             Boolean jointDiscussionHelpful) {
        public Comparison {
            benefitsAndRisks = benefitsAndRisks == null ? List.of() : List.copyOf(benefitsAndRisks);
        }
    }

    public record Option(String option, String benefits, String risks) {
    }

    public boolean awaitsApproval() {
        return "DRAFT".equals(status);
    }

    public boolean awaitsRelease() {
        return "APPROVED".equals(status);
    }

    public boolean released() {
        return "RELEASED".equals(status);
    }

    /** The desk's next step for this report: approve the current version, or release the approved one. */
    public String nextStep() {
        return awaitsApproval() ? "approve" : "release";
    }

    /** The version the next step is about: the current one to approve, the approved one to release. */
    public int versionAtStake() {
        return awaitsRelease() && approvedVersion != null ? approvedVersion : current.number();
    }

    public Optional<Version> version(int number) {
        return history.stream().filter(v -> v.number() == number).findFirst();
    }

    public String statusText() {
        return statusText(StaffWords.ENGLISH);
    }

    public String statusText(StaffWords words) {
        return switch (status == null ? "" : status) {
            case "DRAFT" -> words.say("report.status.DRAFT", current.number());
            case "APPROVED" -> words.say("report.status.APPROVED", approvedVersion, approvedBy, UtcText.of(approvedAt));
            case "RELEASED" -> words.say("report.status.RELEASED", current.number(), releasedBy, UtcText.of(releasedAt));
            default -> String.valueOf(status);
        };
    }
}
