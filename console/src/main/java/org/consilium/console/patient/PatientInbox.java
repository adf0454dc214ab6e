package org.consilium.console.patient;

import java.time.Instant;
import java.util.List;

/**
 * The signed-in person's in-app inbox at notification-service ({@code GET /inbox/{email}}, theirs alone): every
 * message, newest first, and how many are unread.
 */
public record PatientInbox(long unread, List<Message> messages) {

    public PatientInbox {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    public record Message(String id, String caseId, String purpose, String subject, String text,
                          List<String> attachments, Instant deliveredAt, Instant readAt) {
        public boolean unread() {
            return readAt == null;
        }
    }

    /** The messages about one case. */
    public List<Message> about(String caseId) {
        return messages.stream().filter(m -> caseId.equals(m.caseId())).toList();
    }
}
