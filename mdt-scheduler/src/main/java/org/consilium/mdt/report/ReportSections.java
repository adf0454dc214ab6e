package org.consilium.mdt.report;

import java.util.List;

/**
 * The content of one version of the report: the consensus (recommendation, plain-language summary,
 * confirms or differs and why, dissent) and the sections of issue 5 around it. The question and the
 * first opinion come from the case, the disclaimer is fixed text: neither is edited here.
 */
public record ReportSections(boolean confirmsFirstOpinion, String recommendation, String plainLanguageSummary,
                             String differenceExplanation, List<String> dissent, List<ConcernAnswer> concerns,
                             FirstOpinionComparison comparison, List<String> stillMissing,
                             List<String> supportiveCare) {

    public ReportSections {
        dissent = dissent == null ? List.of() : List.copyOf(dissent);
        concerns = concerns == null ? List.of() : List.copyOf(concerns);
        stillMissing = stillMissing == null ? List.of() : List.copyOf(stillMissing);
        supportiveCare = supportiveCare == null ? List.of() : List.copyOf(supportiveCare);
    }
}
