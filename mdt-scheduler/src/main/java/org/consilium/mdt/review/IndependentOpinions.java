package org.consilium.mdt.review;

import org.consilium.events.Roles;
import org.consilium.support.security.Caller;
import reactor.core.publisher.Mono;

/**
 * Independent pre-meeting opinions (issue 13): a panel member sees what the others think only once they have given
 * their own opinion, so that nobody anchors on the first one in. Enforced here, in the service every client reads the
 * opinions from (the review, the meeting view, the agenda), not in a page: a rule only in the console would be no rule.
 * Who has given an opinion is not hidden (the chair needs to know whom the consensus waits for); what they said, whether
 * they agree with the first opinion and where they part ways, is. Coordinators run the desk and see everything; after
 * the consensus every member has given theirs, so nothing is hidden any more.
 */
final class IndependentOpinions {

    private IndependentOpinions() {
    }

    /** Whether the others' opinions on this review are hidden from this caller. */
    static boolean hiddenFrom(Review review, Caller caller) {
        if (caller.has(Roles.COORDINATOR) || !caller.has(Roles.SPECIALIST)) {
            return false;
        }
        return review.member(caller.username()).isPresent()
                && review.opinions().stream().noneMatch(o -> o.specialistId().equals(caller.username()));
    }

    /** As {@link #hiddenFrom}, for the caller of this request; nothing is hidden when the service runs without tokens. */
    static Mono<Boolean> hiddenFromCaller(Review review) {
        return Caller.current().map(caller -> hiddenFrom(review, caller)).defaultIfEmpty(false);
    }
}
