package org.consilium.notification.delivery;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /deliveries/{id}/resolution}. A reason is required: a resend is never silent. */
public record ResolveDelivery(
        @NotNull @Schema(description = "DELIVERED: it arrived, no resend; RESEND: send it again") ResolutionOutcome outcome,
        @NotBlank @Size(max = 1000) @Schema(description = "What was checked and found") String reason,
        @Size(max = 200) @Schema(description = "Optional: who decided; the token's user does, and another name is refused "
                + "(403 not-yourself)") String resolvedBy) {
}
