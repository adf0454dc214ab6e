package org.consilium.mdt.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.consilium.mdt.report.ConcernAnswer;
import org.consilium.mdt.report.FirstOpinionComparison;
import org.consilium.mdt.report.ReportDraft;

import java.util.List;

/**
 * The chair's consensus. Where it differs from the first opinion, the difference must be explained.
 * The report's other sections (answers to the patient's concerns, the structured comparison with the
 * first opinion, what is still missing, supportive care) are optional; with the consensus they make
 * version 1 of the report.
 */
@ReportDraft.DifferenceExplained
public record ConsensusRequest(@NotBlank String chairId,
                               @NotNull Boolean confirmsFirstOpinion,
                               @NotBlank @Size(max = 4000) String recommendation,
                               @NotBlank @Size(max = 4000) String plainLanguageSummary,
                               @Size(max = 4000) String differenceExplanation,
                               List<@NotBlank String> dissent,
                               @Size(max = 20) List<@NotNull @Valid ConcernAnswer> concerns,
                               @Valid FirstOpinionComparison comparison,
                               @Size(max = 20) List<@NotBlank @Size(max = 1000) String> stillMissing,
                               @Size(max = 20) List<@NotBlank @Size(max = 1000) String> supportiveCare)
        implements ReportDraft {

    /** The consensus without the further sections. */
    public ConsensusRequest(String chairId, Boolean confirmsFirstOpinion, String recommendation,
                            String plainLanguageSummary, String differenceExplanation, List<String> dissent) {
        this(chairId, confirmsFirstOpinion, recommendation, plainLanguageSummary, differenceExplanation, dissent,
                null, null, null, null);
    }
}
