package org.consilium.console.casepage;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.consilium.console.pages.UtcText;

/**
 * The case's review as the desk needs it from mdt-scheduler ({@code GET /reviews/{caseId}}): the session, the panel
 * with the reason each member was chosen and whether their opinion is in, the swaps so far. The opinions' content is
 * not read into it: a coordinator sees which are in, never what they say before the consensus (the room shows the
 * panel its own opinions side by side).
 *
 * @param consensus read only to say whether the chair has signed; its text is the report's
 */
public record PanelFile(String caseId, String status, Session session, List<Member> panel, List<String> uncoveredDisciplines,
                        List<Swap> swaps, JsonNode consensus) {

    public PanelFile {
        panel = panel == null ? List.of() : panel;
        uncoveredDisciplines = uncoveredDisciplines == null ? List.of() : uncoveredDisciplines;
        swaps = swaps == null ? List.of() : swaps;
    }

    /** mdt-scheduler takes a swap only while opinions are collected (its 409 otherwise). */
    public boolean open() {
        return "SCHEDULED".equals(status);
    }

    public boolean consensusSigned() {
        return consensus != null && !consensus.isNull() && !consensus.isMissingNode();
    }

    public long opinionsIn() {
        return panel.stream().filter(Member::opinionSubmitted).count();
    }

    public String statusLabel() {
        return status == null ? "" : status.charAt(0) + status.substring(1).toLowerCase();
    }

    /** @param reason why the case is on this session */
    public record Session(String id, Instant startsAt, Instant endsAt, String kind, String tumourGroup, String chairId,
                          String reason) {
        public String whenText() {
            return UtcText.of(startsAt) + (endsAt == null ? "" : " – " + UtcText.of(endsAt).substring(11));
        }

        public String kindLabel() {
            return kind == null ? "" : kind.charAt(0) + kind.substring(1).toLowerCase().replace('_', ' ');
        }
    }

    /** @param reason why mdt-scheduler chose them (discipline, languages, licensure, load) */
    public record Member(String specialistId, String name, String discipline, String timeZone, boolean chair,
                         String reason, boolean opinionSubmitted, boolean crossBorder, boolean guest) {
        public String disciplineLabel() {
            return discipline == null ? "" : discipline.replace('-', ' ');
        }
    }

    public record Swap(String discipline, String replacedId, String specialistId, String reason, Instant swappedAt) {
        public String atText() {
            return UtcText.of(swappedAt);
        }
    }
}
