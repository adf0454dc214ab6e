package org.consilium.mdt.guest;

import java.time.Instant;

/**
 * A guest's signed link as stored: its id and life, never its token (which only the key re-derives). The token
 * names this id, so a revoked or replaced link opens nothing although its signature still checks.
 */
public record GuestLink(String id, Instant expiresAt, Instant revokedAt, String revokedBy) {

    public State state(Instant now) {
        return revokedAt != null ? State.REVOKED : now.isAfter(expiresAt) ? State.EXPIRED : State.ACTIVE;
    }

    public GuestLink revoked(String by, Instant at) {
        return revokedAt != null ? this : new GuestLink(id, expiresAt, at, by);
    }

    public enum State { ACTIVE, EXPIRED, REVOKED }
}
