package org.consilium.mdt.review;

import org.consilium.mdt.guest.Guest;
import org.consilium.mdt.guest.GuestInvitationRequest;
import org.consilium.mdt.guest.GuestLink;
import org.consilium.mdt.guest.GuestLinks;
import org.consilium.support.concurrency.ConcurrentChanges;
import org.consilium.support.problem.DomainProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * The coordinator's third way out of a panel gap (issue 11): a guest specialist from outside the directory joins
 * this one case's panel. An invitation is checked ({@link GuestCheck}) before anything is stored, then the case is
 * re-planned with the guest among the candidates, as a widening re-plans it: scheduled (the guest mailed their
 * link with the other members' invitations) or, when still too few can sit, the gap is kept with the guest for the
 * next invitation. Also the guest's link: revoked, or renewed and mailed again.
 */
@Component
public class GuestInvitations {
    private static final Logger log = LoggerFactory.getLogger(GuestInvitations.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final ReviewRepository reviews;
    private final PanelGapRepository gaps;
    private final ReviewScheduling scheduling;
    private final GuestLinks links;
    private final Clock clock;

    GuestInvitations(ReviewRepository reviews, PanelGapRepository gaps, ReviewScheduling scheduling, GuestLinks links,
                     Clock clock) {
        this.reviews = reviews;
        this.gaps = gaps;
        this.scheduling = scheduling;
        this.links = links;
        this.clock = clock;
    }

    /** What an invitation came to: the review, or the gap still waiting (with the guest kept on it). */
    record Invited(Guest guest, Review review, PanelGap gap) {
    }

    Mono<Invited> invite(String caseId, GuestInvitationRequest request, String invitedBy) {
        return Mono.fromCallable(request::checked)
                .then(reviews.existsById(caseId))
                .flatMap(reviewed -> reviewed
                        ? Mono.error(DomainProblem.conflict("already-scheduled", "case " + caseId + " already has a "
                        + "review: a guest joins a case that waits for a panel (a scheduled panel's seats are "
                        + "swapped with PUT /reviews/" + caseId + "/panel/{discipline})"))
                        : gaps.findById(caseId).switchIfEmpty(Mono.error(DomainProblem.notFound("review of case", caseId))))
                .flatMap(gap -> {
                    GuestCheck.admissible(gap, request);
                    Guest guest = request.guest(newGuestId(), invitedBy, clock.instant(), links.issue(request.expiresIn()));
                    return scheduling.replanWithGuest(gap, guest).map(outcome -> {
                        log.info("case {}: guest {} invited as {} by {}; {}", caseId, guest.id(), guest.discipline(),
                                invitedBy, outcome.review() != null ? "panel scheduled" : "panel still incomplete");
                        return new Invited(guest, outcome.review(), outcome.gap());
                    });
                });
    }

    /** Revokes the guest's link: from now on it opens nothing (401). */
    Mono<Guest> revokeLink(String caseId, String guestId, String by) {
        return change(caseId, review -> review.revokeGuestLink(guestId, by, clock.instant()));
    }

    /** A new link for a seated guest, mailed to them; the one before opens nothing any more. */
    Mono<Guest> renewLink(String caseId, String guestId, Duration expiresIn) {
        return Mono.fromCallable(() -> links.issue(expiresIn)).flatMap(link -> change(caseId,
                review -> review.renewGuestLink(guestId, link, links.url(caseId, link), clock.instant())));
    }

    private <T> Mono<T> change(String caseId, Function<Review, T> decision) {
        return Mono.defer(() -> reviews.findById(caseId)
                        .switchIfEmpty(Mono.error(() -> new DomainProblem(HttpStatus.NOT_FOUND, "not-found",
                                "case " + caseId + " has no review (a guest's link is made when the case is scheduled)")))
                        .flatMap(review -> {
                            T outcome = decision.apply(review);
                            return reviews.save(review).thenReturn(outcome);
                        }))
                .retryWhen(ConcurrentChanges.retry("the review of case " + caseId));
    }

    private static String newGuestId() {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return Guest.ID_PREFIX + HexFormat.of().formatHex(random);
    }
}
