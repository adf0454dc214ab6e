package org.consilium.notification.delivery;

import io.swagger.v3.oas.annotations.media.Schema;
import org.consilium.events.Recipient;

import java.time.Instant;
import java.util.List;

/** One command's email as ops and coordinators see it. */
public record DeliveryView(
        @Schema(description = "The id of the command envelope this email answers") String id,
        String caseId,
        DeliveryPurpose purpose,
        Recipient recipient,
        @Schema(description = "The template language actually used (the fallback when the recipient's has no template)")
        String language,
        String subject,
        @Schema(description = "File names attached to the email: report PDFs, the calendar entry") List<String> attachments,
        DeliveryState state,
        @Schema(description = "SMTP attempts made") int attempts,
        String lastError,
        @Schema(description = "The Message-ID header, derived from the command id") String messageId,
        Instant claimedAt,
        Instant lastAttemptAt,
        Instant sentAt,
        @Schema(description = "When a bounce was reported (BOUNCED only); lastError says why") Instant bouncedAt,
        @Schema(description = "For a DEFERRED delivery: not sent before this instant (end of the recipient's quiet hours)")
        Instant notBefore,
        @Schema(description = "Operators' decisions about this delivery when it was UNCONFIRMED, oldest first")
        List<Resolution> resolutions) {

    static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id(), d.caseId(), d.purpose(), d.recipient(), d.language(), d.subject(), d.attachments(), d.state(),
                d.attempts(), d.lastError().orElse(null), d.messageId(), d.claimedAt(), d.lastAttemptAt(),
                d.sentAt().orElse(null), d.bouncedAt().orElse(null), d.notBefore().orElse(null), d.resolutions());
    }
}
