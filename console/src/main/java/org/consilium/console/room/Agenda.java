package org.consilium.console.room;

import java.time.Instant;
import java.util.List;

/**
 * A session's agenda as mdt-scheduler tells it to this specialist ({@code GET /sessions/{id}/agenda}): only the
 * items of their own cases, in the whole session's order (urgent first, then disagreements), each with its slot. For a
 * case whose other opinions are hidden from them the service says neither whether nor where the opinions disagree.
 */
public record Agenda(String sessionId, String kind, Instant startsAt, Instant endsAt, List<Item> items) {

    public Agenda {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public record Item(int position, String caseId, String urgency, String cancerType, Instant startsAt,
                       Instant endsAt, String why, boolean opinionsDisagree, List<String> pointsOfDisagreement,
                       boolean othersOpinionsHidden) {

        public Item {
            pointsOfDisagreement = pointsOfDisagreement == null ? List.of() : List.copyOf(pointsOfDisagreement);
        }
    }
}
