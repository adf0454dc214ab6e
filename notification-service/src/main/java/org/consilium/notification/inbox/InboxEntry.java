package org.consilium.notification.inbox;

import org.consilium.notification.delivery.DeliveryPurpose;

import java.time.Instant;
import java.util.List;

/** A delivered notification to put in its recipient's inbox; {@code deliveryId} makes adding it idempotent. */
public record InboxEntry(String deliveryId, String recipientEmail, String caseId, DeliveryPurpose purpose, String language,
                         String subject, String text, List<String> attachments, Instant deliveredAt) {
}
