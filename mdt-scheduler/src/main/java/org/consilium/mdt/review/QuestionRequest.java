package org.consilium.mdt.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The patient's follow-up question. */
public record QuestionRequest(@NotBlank @Size(max = 4000) String question) {
}
