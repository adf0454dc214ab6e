package org.consilium.notification.delivery;

import io.swagger.v3.oas.annotations.media.Schema;
import org.consilium.events.Recipient;

import java.time.Instant;

/** One command's email as ops and coordinators see it. */
public record DeliveryView(
        @Schema(description = "The id of the command envelope this email answers") String id,
        String caseId,
        DeliveryPurpose purpose,
        Recipient recipient,
        @Schema(description = "The template language actually used (the fallback when the recipient's has no template)")
        String language,
        String subject,
        DeliveryState state,
        @Schema(description = "SMTP attempts made") int attempts,
        String lastError,
        @Schema(description = "The Message-ID header, derived from the command id") String messageId,
        Instant claimedAt,
        Instant lastAttemptAt,
        Instant sentAt) {

    static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id(), d.caseId(), d.purpose(), d.recipient(), d.language(), d.subject(), d.state(),
                d.attempts(), d.lastError().orElse(null), d.messageId(), d.claimedAt(), d.lastAttemptAt(),
                d.sentAt().orElse(null));
    }
}
