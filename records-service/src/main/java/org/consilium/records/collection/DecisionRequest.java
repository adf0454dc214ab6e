package org.consilium.records.collection;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of a waiver or an override: who decides (a free name until authentication exists) and why. */
@Schema(name = "CoordinatorDecisionRequest")
public record DecisionRequest(
        @Schema(description = "the coordinator deciding", example = "coordinator.lee") @NotBlank @Size(max = 200) String by,
        @Schema(description = "why; recorded and shown in the checklist", example = "PET-CT not done: the panel "
                + "decides on the CT alone") @NotBlank @Size(max = 2000) String reason) {
}
