package org.consilium.events;

import java.util.List;

/**
 * The substance of the MDT answer as the panel concluded it: whether it confirms the first
 * opinion, the recommendation, and a summary a patient can read. Dissent is kept, not hidden.
 */
public record ReportContent(boolean confirmsFirstOpinion, String recommendation, String plainLanguageSummary,
                            String differenceExplanation, List<String> dissent, String signedBy) {
    public ReportContent {
        dissent = dissent == null ? List.of() : List.copyOf(dissent);
    }
}
