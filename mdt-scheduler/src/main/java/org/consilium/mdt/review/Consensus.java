package org.consilium.mdt.review;

import org.consilium.events.ReportContent;

import java.time.Instant;
import java.util.List;

/** The panel's answer as the chair signed it; dissent is kept, not hidden. */
public record Consensus(String chairId, boolean confirmsFirstOpinion, String recommendation, String plainLanguageSummary,
                        String differenceExplanation, List<String> dissent, String signedBy, Instant concludedAt) {

    public Consensus {
        dissent = dissent == null ? List.of() : List.copyOf(dissent);
    }

    public ReportContent toReport() {
        return new ReportContent(confirmsFirstOpinion, recommendation, plainLanguageSummary, differenceExplanation,
                dissent, signedBy);
    }
}
