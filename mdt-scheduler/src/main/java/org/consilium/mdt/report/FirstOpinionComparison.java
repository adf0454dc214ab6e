package org.consilium.mdt.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The structured comparison with the first opinion (besides whether it confirms it and what led to a
 * difference, which the consensus states itself). Every part is optional: null means "not addressed".
 *
 * @param pathologyReadDifferently how the panel read the pathology differently, if it did
 * @param imagingReadDifferently   how the panel read the imaging differently, if it did
 * @param bothOptionsReasonable    whether the first opinion's plan and the panel's are both medically reasonable
 * @param benefitsAndRisks         benefits and risks of each option
 * @param jointDiscussionHelpful   whether a joint discussion with the treating team would help
 */
public record FirstOpinionComparison(@Size(max = 4000) String pathologyReadDifferently,
                                     @Size(max = 4000) String imagingReadDifferently,
                                     Boolean bothOptionsReasonable,
                                     @Size(max = 10) List<@NotNull @Valid OptionBenefitsAndRisks> benefitsAndRisks,
                                     Boolean jointDiscussionHelpful) {

    public FirstOpinionComparison {
        benefitsAndRisks = benefitsAndRisks == null ? List.of() : List.copyOf(benefitsAndRisks);
    }
}
