package org.consilium.mdt.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A coordinator puts this specialist on the panel seat of a discipline, for this reason. */
public record SwapRequest(@NotBlank String specialistId, @NotBlank @Size(max = 2000) String reason) {
}
