package org.consilium.mdt.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.consilium.mdt.report.ConcernAnswer;
import org.consilium.mdt.report.FirstOpinionComparison;
import org.consilium.mdt.report.ReportDraft;

import java.util.List;

/**
 * A coordinator's edit of the report: the whole content of the new version (PUT), and why. The editor is the token's
 * user; a body's {@code editor} naming anyone else is refused (403 not-yourself), as for {@link CoordinatorRequest}.
 *
 * @param basedOnVersion optional: the version the editor started from; refused when it is no longer current
 */
@ReportDraft.DifferenceExplained
public record ReportRevisionRequest(@Size(max = 200) String editor,
                                    @NotBlank @Size(max = 1000) String reason,
                                    @Positive Integer basedOnVersion,
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
}
