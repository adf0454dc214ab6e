package org.consilium.mdt.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The chair's answer to a follow-up question. */
public record AnswerRequest(@NotBlank String chairId, @NotBlank @Size(max = 4000) String answer) {
}
