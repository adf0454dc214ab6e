package org.consilium.notification.inbox;

import io.swagger.v3.oas.annotations.media.Schema;
import org.consilium.notification.delivery.DeliveryPurpose;

import java.time.Instant;
import java.util.List;

/** One message in an inbox. */
public record InboxMessageView(
        @Schema(description = "The delivery id, which is the id of the command it answers") String id,
        String caseId,
        DeliveryPurpose purpose,
        String language,
        String subject,
        @Schema(description = "The plain-text body of the email") String text,
        @Schema(description = "Files that went with the email (fetch them from the case's records)") List<String> attachments,
        Instant deliveredAt,
        @Schema(description = "Absent while unread") Instant readAt) {

    static InboxMessageView of(InboxMessage m) {
        return new InboxMessageView(m.id(), m.caseId(), m.purpose(), m.language(), m.subject(), m.text(), m.attachments(),
                m.deliveredAt(), m.readAt().orElse(null));
    }
}
