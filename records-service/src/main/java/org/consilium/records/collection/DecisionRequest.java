package org.consilium.records.collection;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of a waiver or an override: why (who decides is the token's user). */
@Schema(name = "CoordinatorDecisionRequest")
public record DecisionRequest(
        @Schema(description = "optional: the coordinator deciding; the token's user decides, and a name other than "
                + "theirs is refused (403 not-yourself)", example = "cora.nolan") @Size(max = 200) String by,
        @Schema(description = "why; recorded and shown in the checklist", example = "PET-CT not done: the panel "
                + "decides on the CT alone") @NotBlank @Size(max = 2000) String reason) {
}
