package org.consilium.console.patient;

import java.time.Instant;
import java.util.List;

/**
 * The review as mdt-scheduler shows it to the patient or caregiver ({@code GET /reviews/{id}/for-patient}): when the
 * panel meets, the released report (never a draft), the follow-up questions and the chair's answers.
 */
public record PatientReview(String caseId, String status, Instant sessionStartsAt, Instant concludedAt,
                            Instant followUpUntil, Report report, List<Question> questions) {

    public PatientReview {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    public record Report(int version, Instant releasedAt, boolean confirmsFirstOpinion, String plainLanguageSummary,
                         String recommendation, List<String> stillMissing, List<String> supportiveCare) {
        public Report {
            stillMissing = stillMissing == null ? List.of() : List.copyOf(stillMissing);
            supportiveCare = supportiveCare == null ? List.of() : List.copyOf(supportiveCare);
        }
    }

    public record Question(String id, String question, Instant askedAt, String answer, Instant answeredAt) {
    }

    /** Questions are taken once the panel concluded, until the window closes. */
    public boolean takesQuestions(Instant now) {
        return "CONCLUDED".equals(status) && followUpUntil != null && now.isBefore(followUpUntil);
    }
}
