package org.consilium.mdt.session;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One session of the rule: its id is derived from its start (UTC), so the same rule yields the same ids. */
public record SessionSlot(String id, Instant startsAt) {
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    public static SessionSlot startingAt(Instant startsAt) {
        return new SessionSlot("session-" + ID.format(startsAt), startsAt);
    }
}
