package org.consilium.mdt.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One of the patient's own concerns, in their words, and the panel's answer to it. */
public record ConcernAnswer(@NotBlank @Size(max = 1000) String concern, @NotBlank @Size(max = 4000) String answer) {
}
