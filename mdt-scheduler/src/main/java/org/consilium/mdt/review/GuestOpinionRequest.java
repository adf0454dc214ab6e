package org.consilium.mdt.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A guest's individual opinion: the fields of a member's ({@link OpinionRequest}), without naming who gives it: the
 * link does. A second one replaces the first.
 */
public record GuestOpinionRequest(@NotBlank @Size(max = 4000) String recommendation,
                                  @NotNull Boolean agreesWithFirstOpinion,
                                  @NotNull Confidence confidence,
                                  @Size(max = 4000) String informationMissing) {

    OpinionRequest as(String guestId) {
        return new OpinionRequest(guestId, recommendation, agreesWithFirstOpinion, confidence, informationMissing);
    }
}
