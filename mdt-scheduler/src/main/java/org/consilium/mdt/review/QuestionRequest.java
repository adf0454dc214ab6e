package org.consilium.mdt.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The patient's follow-up question, and who gets the answer. */
public record QuestionRequest(@NotBlank @Size(max = 4000) String question, @NotNull @Valid ReplyTo replyTo) {
}
