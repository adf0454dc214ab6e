package org.consilium.console.casepage;

import java.time.Instant;

import org.consilium.console.pages.UtcText;

/**
 * A signed upload link of the case as records lists it ({@code GET /cases/{id}/upload-links}): never its token, which
 * records shows once, when it is made.
 *
 * @param state ACTIVE, EXPIRED or REVOKED
 */
public record UploadLink(String id, String label, String state, String createdBy, Instant createdAt, Instant expiresAt,
                         Instant revokedAt, String revokedBy) {

    public boolean active() {
        return "ACTIVE".equals(state);
    }

    public String stateLabel() {
        return state == null ? "" : state.charAt(0) + state.substring(1).toLowerCase();
    }

    public String createdText() {
        return UtcText.of(createdAt);
    }

    public String expiresText() {
        return UtcText.of(expiresAt);
    }

    public String revokedText() {
        return UtcText.of(revokedAt);
    }

    /** What records answers when it makes one: the address with the token, shown once. */
    public record Issued(String id, String url, Instant expiresAt, String label) {
        public String expiresText() {
            return UtcText.of(expiresAt);
        }
    }
}
