package org.consilium.mdt.report;

import org.consilium.events.ReportComparison;
import org.consilium.events.ReportConcern;
import org.consilium.events.ReportContent;

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

    /** These sections as the events carry them (ReportReleased, then DeliverReport), signed by the chair. */
    public ReportContent asContent(String signedBy) {
        ReportComparison comparison = this.comparison == null ? null : new ReportComparison(
                this.comparison.pathologyReadDifferently(), this.comparison.imagingReadDifferently(),
                this.comparison.bothOptionsReasonable(), this.comparison.benefitsAndRisks().stream()
                .map(o -> new ReportComparison.Option(o.option(), o.benefits(), o.risks())).toList(),
                this.comparison.jointDiscussionHelpful());
        return new ReportContent(confirmsFirstOpinion, recommendation, plainLanguageSummary, differenceExplanation,
                dissent, signedBy, concerns.stream().map(c -> new ReportConcern(c.concern(), c.answer())).toList(),
                comparison, stillMissing, supportiveCare);
    }
}
