package org.consilium.intake.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the patient withdraws; the panel and coordinators are told, so it is required. */
public record Withdrawal(@NotBlank @Size(max = 1000) String reason) {
}
