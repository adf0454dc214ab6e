package org.consilium.mdt.review;

import org.consilium.events.Urgency;

import java.util.List;

/**
 * The meeting view of one case: each member's opinion side by side, and the points of disagreement. For a member who
 * has not given their own opinion yet ({@code othersOpinionsHidden}) the seats say only who has given one, and there
 * is no {@code disagreement}: independent pre-meeting opinions ({@link IndependentOpinions}).
 */
public record MeetingView(String caseId, ReviewStatus status, Urgency urgency, String questionForPanel,
                         String firstOpinion, List<Seat> opinions, Disagreement disagreement,
                         boolean othersOpinionsHidden) {

    /** One member's column: their opinion, or {@code submitted = false} while it is awaited. */
    public record Seat(String specialistId, String name, String discipline, boolean chair, boolean submitted,
                       String recommendation, Boolean agreesWithFirstOpinion, Confidence confidence,
                       String informationMissing) {
    }

    static MeetingView of(Review review) {
        return of(review, false);
    }

    static MeetingView of(Review review, boolean othersHidden) {
        List<Seat> seats = review.panel().stream().map(m -> review.opinions().stream()
                .filter(o -> o.specialistId().equals(m.specialistId())).findFirst()
                .map(o -> othersHidden
                        ? new Seat(m.specialistId(), m.name(), m.discipline(), m.chair(), true, null, null, null, null)
                        : new Seat(m.specialistId(), m.name(), m.discipline(), m.chair(), true, o.recommendation(),
                        o.agreesWithFirstOpinion(), o.confidence(), o.informationMissing()))
                .orElseGet(() -> new Seat(m.specialistId(), m.name(), m.discipline(), m.chair(), false, null, null,
                        null, null))).toList();
        CaseBrief brief = review.brief();
        return new MeetingView(review.caseId(), review.status(), brief == null ? null : brief.urgency(),
                brief == null ? null : brief.questionForPanel(), brief == null ? null : brief.firstOpinion(), seats,
                othersHidden ? null : Disagreement.of(review.panel(), review.opinions()), othersHidden);
    }
}
