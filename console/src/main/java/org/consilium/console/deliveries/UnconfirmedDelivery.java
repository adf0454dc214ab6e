package org.consilium.console.deliveries;

import java.time.Instant;

import org.consilium.console.pages.UtcText;

/**
 * An email that may or may not have left (notification-service, state {@code UNCONFIRMED}): never resent by itself,
 * so an operator settles it: delivered, or send again.
 */
public record UnconfirmedDelivery(String id, String caseId, String purpose, Recipient recipient, String subject,
                                  int attempts, String lastError, Instant lastAttemptAt) {

    public record Recipient(String name, String email) {
    }

    public String purposeLabel() {
        return purpose == null ? "" : purpose.charAt(0) + purpose.substring(1).toLowerCase().replace('_', ' ');
    }

    public String lastAttemptText() {
        return UtcText.of(lastAttemptAt);
    }
}
