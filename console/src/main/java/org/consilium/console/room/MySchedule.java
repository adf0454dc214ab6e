package org.consilium.console.room;

import java.time.Instant;
import java.util.List;

/**
 * The signed-in specialist's sessions as mdt-scheduler tells them ({@code GET /specialists/me/sessions}): read with
 * their token, never kept. The cases are those their panel seats open to them.
 */
public record MySchedule(String specialistId, String name, String discipline, String timeZone, Week thisWeek,
                         List<Session> sessions) {

    public MySchedule {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }

    /** Cases this week (ISO week, UTC, as the panel composer counts) against the capacity the specialist agreed. */
    public record Week(Instant from, Instant to, int cases, int capacity) {

        public boolean full() {
            return capacity > 0 && cases >= capacity;
        }
    }

    public record Session(String id, String kind, String tumourGroup, Instant startsAt, Instant endsAt,
                          List<Case> cases) {

        public Session {
            cases = cases == null ? List.of() : List.copyOf(cases);
        }

        public String kindLabel() {
            return switch (kind == null ? "" : kind) {
                case "BOARD" -> "Tumour board";
                case "AD_HOC" -> "Ad-hoc session";
                case "ASYNCHRONOUS" -> "Written review (no meeting): opinions and consensus due by";
                default -> "Session";
            };
        }

        public boolean asynchronous() {
            return "ASYNCHRONOUS".equals(kind);
        }
    }

    public record Case(String caseId, String status, String urgency, String cancerType, boolean chair,
                       boolean opinionGiven, int opinionsAwaited, List<String> questionsWaiting) {

        public Case {
            questionsWaiting = questionsWaiting == null ? List.of() : List.copyOf(questionsWaiting);
        }
    }

    /** Every follow-up question waiting for this specialist's answer (as chair), with its case. */
    public List<String> casesWithQuestions() {
        return sessions.stream().flatMap(s -> s.cases().stream()).filter(c -> !c.questionsWaiting().isEmpty())
                .map(Case::caseId).distinct().toList();
    }
}
