package org.consilium.console.deliveries;

import org.consilium.console.language.StaffWords;

import java.time.Instant;
import java.util.List;

import org.consilium.console.pages.UtcText;

/**
 * One email of a case as notification-service tells it ({@code GET /deliveries}): to whom, why, where it stands, and
 * the operators' decisions on it. An {@code UNCONFIRMED} one may or may not have left: it is never resent by itself,
 * so a coordinator settles it (delivered, or send again).
 *
 * @param state DEFERRED, SENDING, SENT, FAILED, UNCONFIRMED or BOUNCED
 */
public record Delivery(String id, String caseId, String purpose, Recipient recipient, String language, String subject,
                       List<String> attachments, String state, int attempts, String lastError, Instant lastAttemptAt,
                       Instant sentAt, Instant bouncedAt, Instant notBefore, List<Resolution> resolutions) {

    public Delivery {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        resolutions = resolutions == null ? List.of() : List.copyOf(resolutions);
    }

    public record Recipient(String name, String email) {
    }

    /** An operator's decision on it while it was UNCONFIRMED. */
    public record Resolution(String outcome, String reason, String resolvedBy, Instant at) {
        public String text() {
            return text(StaffWords.ENGLISH);
        }

        public String text(StaffWords words) {
            return words.say("RESEND".equals(outcome) ? "email.resolution.resent" : "email.resolution.delivered",
                    resolvedBy, UtcText.of(at), reason);
        }
    }

    public boolean unconfirmed() {
        return "UNCONFIRMED".equals(state);
    }

    public String purposeLabel() {
        return words(purpose);
    }

    public String purposeLabel(StaffWords words) {
        return words.code("email.purpose.", purpose, purposeLabel());
    }

    public String stateLabel(StaffWords words) {
        return words.code("email.state.", state, stateLabel());
    }

    public String whenText(StaffWords words) {
        if (bouncedAt != null) {
            return words.say("email.when.bounced", UtcText.of(bouncedAt));
        }
        if (sentAt != null) {
            return words.say("email.when.sent", UtcText.of(sentAt));
        }
        if (notBefore != null && "DEFERRED".equals(state)) {
            return words.say("email.when.notBefore", UtcText.of(notBefore));
        }
        return lastAttemptAt == null ? "" : words.say("email.when.lastAttempt", UtcText.of(lastAttemptAt));
    }

    /** The state in words, with what it means for the coordinator. */
    public String stateLabel() {
        return switch (state == null ? "" : state) {
            case "SENT" -> "Sent";
            case "DEFERRED" -> "Held for the recipient's quiet hours";
            case "SENDING" -> "Being sent";
            case "FAILED" -> "Failed, being retried";
            case "UNCONFIRMED" -> "Not confirmed: settle it";
            case "BOUNCED" -> "Bounced: undeliverable";
            default -> words(state);
        };
    }

    /** When it stands where it is: sent, bounced, held until, or the last attempt. */
    public String whenText() {
        if (bouncedAt != null) {
            return "bounced " + UtcText.of(bouncedAt);
        }
        if (sentAt != null) {
            return "sent " + UtcText.of(sentAt);
        }
        if (notBefore != null && "DEFERRED".equals(state)) {
            return "not before " + UtcText.of(notBefore);
        }
        return lastAttemptAt == null ? "" : "last attempt " + UtcText.of(lastAttemptAt);
    }

    public String lastAttemptText() {
        return UtcText.of(lastAttemptAt);
    }

    private static String words(String constant) {
        return constant == null || constant.isEmpty() ? ""
                : (constant.charAt(0) + constant.substring(1).toLowerCase().replace('_', ' ')).replace("Mdt ", "MDT ");
    }
}
