package org.consilium.events;

import java.util.List;

/**
 * The substance of the MDT answer: whether it confirms the first opinion, the recommendation, and
 * a summary a patient can read; dissent is kept, not hidden. A released report also carries the
 * sections around the consensus (answers to the patient's concerns, the structured comparison,
 * what is still missing, supportive care); the consensus as first concluded has none of them yet.
 */
public record ReportContent(boolean confirmsFirstOpinion, String recommendation, String plainLanguageSummary,
                            String differenceExplanation, List<String> dissent, String signedBy,
                            List<ReportConcern> concerns, ReportComparison comparison, List<String> stillMissing,
                            List<String> supportiveCare) {
    public ReportContent {
        dissent = dissent == null ? List.of() : List.copyOf(dissent);
        concerns = concerns == null ? List.of() : List.copyOf(concerns);
        stillMissing = stillMissing == null ? List.of() : List.copyOf(stillMissing);
        supportiveCare = supportiveCare == null ? List.of() : List.copyOf(supportiveCare);
    }

    /** The consensus only (added in v1, additively: older records lack the sections). */
    public ReportContent(boolean confirmsFirstOpinion, String recommendation, String plainLanguageSummary,
                         String differenceExplanation, List<String> dissent, String signedBy) {
        this(confirmsFirstOpinion, recommendation, plainLanguageSummary, differenceExplanation, dissent, signedBy,
                List.of(), null, List.of(), List.of());
    }
}
