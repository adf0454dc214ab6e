package org.consilium.mdt.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One treatment option (the first opinion's, the panel's, or another) with its benefits and risks. */
public record OptionBenefitsAndRisks(@NotBlank @Size(max = 1000) String option,
                                     @NotBlank @Size(max = 4000) String benefits,
                                     @NotBlank @Size(max = 4000) String risks) {
}
