package org.consilium.mdt.review;

import org.consilium.events.NotificationPurpose;
import org.consilium.events.Recipient;
import org.consilium.events.SendNotification;
import org.consilium.mdt.panel.Panellist;
import org.consilium.mdt.session.SessionSlot;
import org.consilium.support.outbox.OutboxEntry;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A panel member's invitation to the case's session, in their own time zone (notification-service adds
 * the .ics entry). Sent from here, with the review's change, because the engine no longer holds the
 * panel's names and addresses (issue 11); the parameters are the ones the engine's invitations had.
 */
record PanelInvitation(String caseId, SessionSlot session, Panellist member) {
    /** The panel works in English. */
    static final String LANGUAGE = "en";

    /** The outbox entry of the invitation; none for a member the directory has no address for, or without a session. */
    Optional<OutboxEntry> entry(String eventId, Instant now) {
        if (member.email() == null || member.email().isBlank() || session == null) {
            return Optional.empty();
        }
        return Optional.of(OutboxEntry.of(command(), eventId, now));
    }

    SendNotification command() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("sessionStartsAt", session.startsAt() == null ? null : session.startsAt().toString()); // UTC
        parameters.put("sessionId", session.id());
        parameters.put("timeZone", member.timeZone());
        parameters.put("discipline", member.discipline());
        parameters.put("role", member.chair() ? "chair" : "member");
        parameters.values().removeIf(Objects::isNull);
        return new SendNotification(caseId, new Recipient(member.name(), member.email(), LANGUAGE),
                NotificationPurpose.MDT_INVITATION, parameters);
    }
}
