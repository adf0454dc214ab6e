package org.consilium.mdt.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A panel member's individual opinion; a second one from the same member replaces the first. */
public record OpinionRequest(@NotBlank String specialistId,
                             @NotBlank @Size(max = 4000) String recommendation,
                             @NotNull Boolean agreesWithFirstOpinion,
                             @NotNull Confidence confidence,
                             @Size(max = 4000) String informationMissing) {
}
