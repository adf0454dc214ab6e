package org.consilium.console.room;

import java.util.List;
import java.util.Map;

/**
 * The meeting view as mdt-scheduler shows it to the signed-in specialist ({@code GET /reviews/{caseId}/meeting}):
 * each member's opinion side by side and where they part ways; for a member who has not given theirs, only who has
 * given one ({@code othersOpinionsHidden}, no {@code disagreement}).
 */
public record Meeting(String caseId, String status, List<Seat> opinions, Disagreement disagreement,
                      boolean othersOpinionsHidden) {

    public Meeting {
        opinions = opinions == null ? List.of() : List.copyOf(opinions);
    }

    public record Seat(String specialistId, String name, String discipline, boolean chair, boolean submitted,
                       String recommendation, Boolean agreesWithFirstOpinion, String confidence,
                       String informationMissing) {
    }

    /** @param recommendations each distinct recommendation with the disciplines that gave it */
    public record Disagreement(boolean disagrees, int agree, int differ, int awaiting,
                               Map<String, List<String>> recommendations, List<String> lowConfidence,
                               List<String> informationMissing, List<String> points) {
    }

    /**
     * Whether this seat stands apart: its agreement with the first opinion is the minority's, or its recommendation is
     * not the one most of the panel gave. What the page highlights, from the service's own disagreement.
     */
    public boolean standsApart(Seat seat) {
        if (disagreement == null || !disagreement.disagrees() || !seat.submitted() || seat.agreesWithFirstOpinion() == null) {
            return false;
        }
        boolean minorityOnAgreement = disagreement.agree() > 0 && disagreement.differ() > 0
                && (seat.agreesWithFirstOpinion() ? disagreement.agree() < disagreement.differ()
                : disagreement.differ() < disagreement.agree());
        int most = disagreement.recommendations() == null ? 0 : disagreement.recommendations().values().stream()
                .mapToInt(List::size).max().orElse(0);
        boolean otherRecommendation = disagreement.recommendations() != null && disagreement.recommendations().size() > 1
                && disagreement.recommendations().entrySet().stream()
                .filter(e -> e.getKey().trim().equalsIgnoreCase(seat.recommendation() == null ? "" : seat.recommendation().trim()))
                .anyMatch(e -> e.getValue().size() < most);
        return minorityOnAgreement || otherRecommendation;
    }
}
