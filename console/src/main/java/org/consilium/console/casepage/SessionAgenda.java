package org.consilium.console.casepage;

import java.time.Instant;
import java.util.List;

import org.consilium.console.pages.UtcText;

/**
 * A session's agenda as mdt-scheduler orders it ({@code GET /sessions/{id}/agenda}: urgent first, then the cases whose
 * opinions disagree, each with its slot). Whether and where opinions disagree is not read here: before the consensus
 * that is the panel's, not the desk's.
 */
public record SessionAgenda(String sessionId, String kind, Instant startsAt, Instant endsAt, List<Item> items) {

    public SessionAgenda {
        items = items == null ? List.of() : items;
    }

    public String whenText() {
        return UtcText.of(startsAt);
    }

    public record Item(int position, String caseId, String urgency, String cancerType, Instant startsAt, Instant endsAt,
                       String why) {
        public String slotText() {
            return UtcText.of(startsAt).substring(11) + (endsAt == null ? "" : " – " + UtcText.of(endsAt).substring(11));
        }
    }
}
