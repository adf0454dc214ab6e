package org.consilium.mdt.review;

import org.consilium.events.Urgency;
import org.consilium.mdt.session.SessionKind;
import org.consilium.mdt.session.SessionSlot;

import java.time.Instant;
import java.util.List;

/**
 * The sessions a specialist sits on, with their cases, as the specialist's own room shows them: the cases their panel
 * seats open to them (by the per-case rule of {@link ReviewGate}), each session's times in the specialist's own zone,
 * and how many cases they sit on this week against the capacity they agreed.
 *
 * @param timeZone the specialist's zone from the directory; {@code localStart}/{@code localEnd} are in it
 * @param thisWeek the ISO week (Monday to Sunday, UTC) the panel composer counts a specialist's load in
 */
public record MySessions(String specialistId, String name, String discipline, String timeZone, Week thisWeek,
                         List<Session> sessions) {

    /** @param cases the reviews (scheduled or concluded) the specialist sits on whose session starts this week */
    public record Week(Instant from, Instant to, int cases, int capacity) {
    }

    /** @param cases this specialist's cases on the session, in the agenda's order (urgent, then disagreements first) */
    public record Session(String id, SessionKind kind, String tumourGroup, Instant startsAt, Instant endsAt,
                          String localStart, String localEnd, List<Case> cases) {

        static Session of(SessionSlot slot, String localStart, String localEnd, List<Case> cases) {
            return new Session(slot.id(), slot.kind(), slot.tumourGroup(), slot.startsAt(), slot.endsAt(), localStart,
                    localEnd, cases);
        }
    }

    /**
     * @param chair            this specialist chairs the case's panel (signs the consensus, answers follow-ups)
     * @param opinionGiven     this specialist has given their opinion
     * @param opinionsAwaited  how many members' opinions are still awaited, this specialist's included
     * @param questionsWaiting follow-up questions waiting for this specialist's answer (as chair), by id
     */
    public record Case(String caseId, ReviewStatus status, Urgency urgency, String cancerType, boolean chair,
                       boolean opinionGiven, int opinionsAwaited, List<String> questionsWaiting) {

        static Case of(Review review, String specialistId) {
            boolean chair = review.chair().map(c -> c.specialistId().equals(specialistId)).orElse(false);
            return new Case(review.caseId(), review.status(), review.brief() == null ? null : review.brief().urgency(),
                    review.brief() == null ? null : review.brief().cancerType(), chair,
                    review.opinions().stream().anyMatch(o -> o.specialistId().equals(specialistId)),
                    review.awaitingOpinions().size(),
                    chair ? review.questions().stream().filter(FollowUpQuestion::open).map(FollowUpQuestion::id).toList()
                            : List.of());
        }
    }
}
