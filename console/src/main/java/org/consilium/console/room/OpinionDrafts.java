package org.consilium.console.room;

import java.util.Optional;

import org.springframework.web.server.WebSession;

/**
 * The opinion being typed, kept in the signed-in person's server-side session while they type (htmx posts the form
 * a moment after each change; without scripts, "Keep as draft" does). Server-side rather than the browser's
 * localStorage: a clinical opinion must not stay on a shared hospital workstation's disk after sign-out, and the
 * page's Content-Security-Policy allows no script of ours to write it there. The cost: the draft lives as long as the
 * session (8 h, until sign-out, or a console restart), on this device. Gone once the opinion is given.
 */
final class OpinionDrafts {
    private static final String PREFIX = "consilium.room.draft.";

    private OpinionDrafts() {
    }

    static Optional<OpinionForm> of(WebSession session, String caseId) {
        return Optional.ofNullable(session.getAttribute(PREFIX + caseId));
    }

    static void keep(WebSession session, String caseId, OpinionForm form) {
        session.getAttributes().put(PREFIX + caseId, form);
    }

    static void drop(WebSession session, String caseId) {
        session.getAttributes().remove(PREFIX + caseId);
    }
}
