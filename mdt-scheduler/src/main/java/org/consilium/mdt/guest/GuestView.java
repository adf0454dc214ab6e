package org.consilium.mdt.guest;

import java.time.Instant;
import java.util.List;

/**
 * A guest specialist as the review shows them: who, from where, why and on whose decision, and their link's state;
 * never the link's token, and not their address (it is for their invitation only).
 *
 * @param seated whether they sit on the panel (a re-plan may not have needed them, or a swap may have replaced them)
 */
public record GuestView(String id, String name, String discipline, String institution, List<String> licensedIn,
                        String timeZone, List<String> languages, String reason, String invitedBy, Instant invitedAt,
                        boolean seated, Link link) {

    /** @param state ACTIVE, EXPIRED or REVOKED; null where the view is made without a clock (the review's) */
    public record Link(Instant expiresAt, String state, Instant revokedAt, String revokedBy) {
    }

    /** @param now for the link's state; null: the state is left to the reader (expiresAt, revokedAt) */
    public static GuestView of(Guest guest, boolean seated, Instant now) {
        GuestLink link = guest.link();
        return new GuestView(guest.id(), guest.name(), guest.discipline(), guest.institution(), guest.licensedIn(),
                guest.timeZone(), guest.languages(), guest.reason(), guest.invitedBy(), guest.invitedAt(), seated,
                link == null ? null : new Link(link.expiresAt(), now == null ? null : link.state(now).name(), link.revokedAt(),
                        link.revokedBy()));
    }
}
