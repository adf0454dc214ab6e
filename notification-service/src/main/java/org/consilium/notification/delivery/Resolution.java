package org.consilium.notification.delivery;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** An operator's decision about an UNCONFIRMED delivery, kept on the delivery as its audit trail. */
public record Resolution(ResolutionOutcome outcome,
                         @Schema(description = "Why: what the operator checked (SMTP log, the recipient...)") String reason,
                         @Schema(description = "Who decided; free text until the OAuth2 roles arrive") String resolvedBy,
                         Instant at) {
}
