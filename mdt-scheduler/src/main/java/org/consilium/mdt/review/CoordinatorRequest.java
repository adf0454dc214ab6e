package org.consilium.mdt.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A coordinator's approval or release of the report. */
public record CoordinatorRequest(@NotBlank @Size(max = 200) String coordinator) {
}
