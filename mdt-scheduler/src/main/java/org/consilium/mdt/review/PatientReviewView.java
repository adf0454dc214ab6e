package org.consilium.mdt.review;

import io.swagger.v3.oas.annotations.media.Schema;
import org.consilium.mdt.report.Report;
import org.consilium.mdt.report.ReportSections;
import org.consilium.mdt.report.ReportStatus;
import org.consilium.mdt.report.ReportVersion;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A case's review as its patient or caregiver sees it (issue 14): where the panel is, when it meets, the report once
 * a coordinator released it (never a draft: the QA is the coordinators'), and the follow-up questions with the chair's
 * answers. No panel member's name, opinion or dissent: the report is what the panel says to the patient.
 *
 * @param followUpUntil when follow-up questions stop being taken (null before the consensus)
 * @param report        null until released
 */
public record PatientReviewView(String caseId, ReviewStatus status,
                                @Schema(description = "When the panel meets (UTC); null until scheduled") Instant sessionStartsAt,
                                Instant concludedAt, Instant followUpUntil, ReleasedReport report,
                                List<Question> questions) {

    /** The version released, in the words the patient reads and those for their doctor. */
    public record ReleasedReport(int version, Instant releasedAt, boolean confirmsFirstOpinion,
                                 String plainLanguageSummary, String recommendation, List<String> stillMissing,
                                 List<String> supportiveCare) {
    }

    /** A follow-up question and, once given, the chair's answer. */
    public record Question(String id, String question, Instant askedAt, String answer, Instant answeredAt) {
    }

    static PatientReviewView of(Review review, Duration followUpWindow) {
        Instant concludedAt = review.consensus().map(Consensus::concludedAt).orElse(null);
        return new PatientReviewView(review.caseId(), review.status(),
                review.session() == null ? null : review.session().startsAt(), concludedAt,
                concludedAt == null ? null : concludedAt.plus(followUpWindow),
                review.report().filter(r -> r.status() == ReportStatus.RELEASED).map(PatientReviewView::released)
                        .orElse(null),
                review.questions().stream().map(q -> new Question(q.id(), q.question(), q.askedAt(), q.answer(),
                        q.answeredAt())).toList());
    }

    private static ReleasedReport released(Report report) {
        ReportVersion version = report.approvedVersion() == null ? report.current()
                : report.versions().stream().filter(v -> v.number() == report.approvedVersion()).findFirst()
                .orElse(report.current());
        ReportSections s = version.sections();
        return new ReleasedReport(version.number(), report.releasedAt(), s.confirmsFirstOpinion(),
                s.plainLanguageSummary(), s.recommendation(), s.stillMissing(), s.supportiveCare());
    }
}
