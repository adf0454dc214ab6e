package org.consilium.mdt.review;

import org.consilium.events.NotificationPurpose;
import org.consilium.events.Recipient;
import org.consilium.events.SendNotification;
import org.consilium.mdt.guest.Guest;
import org.consilium.mdt.panel.Panellist;
import org.consilium.mdt.session.SessionSlot;
import org.consilium.support.outbox.OutboxEntry;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A guest specialist's invitation: the member's invitation (session in their own zone, discipline) with the signed
 * link that opens the case's brief and takes their opinion, its expiry, and who invited them. The link's token
 * travels only in this command (sealed in the outbox, ADR 12) and the mail; no stored field holds it.
 */
record GuestInvitation(String caseId, SessionSlot session, Panellist seat, Guest guest, String link) {

    static GuestInvitation of(String caseId, SessionSlot session, Panellist seat, Guest guest, String link) {
        return new GuestInvitation(caseId, session, seat, guest, link);
    }

    OutboxEntry entry(String eventId, Instant now) {
        return OutboxEntry.of(command(), eventId, now);
    }

    SendNotification command() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("sessionStartsAt", session == null || session.startsAt() == null ? null
                : session.startsAt().toString());
        parameters.put("sessionId", session == null ? null : session.id());
        parameters.put("timeZone", guest.timeZone());
        parameters.put("discipline", seat.discipline());
        parameters.put("link", link);
        parameters.put("linkExpiresAt", guest.link().expiresAt().toString());
        parameters.put("invitedBy", guest.invitedBy());
        parameters.values().removeIf(Objects::isNull);
        return new SendNotification(caseId, new Recipient(guest.name(), guest.email(), PanelInvitation.LANGUAGE),
                NotificationPurpose.GUEST_INVITATION, parameters);
    }
}
