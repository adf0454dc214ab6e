package org.consilium.mdt.review;

import org.consilium.events.Envelope;
import org.consilium.events.ScheduleReview;
import org.consilium.mdt.directory.SpecialistDirectory;
import org.consilium.mdt.panel.PanelComposer;
import org.consilium.mdt.session.SessionBooking;
import org.consilium.mdt.session.SessionSlot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Optional;

/**
 * Applies ScheduleReview: a seat on the earliest suitable session, a panel for the requested
 * disciplines, and the review with its MdtScheduled event in one insert. A case gets one review:
 * a redelivered command, or another one for a case already reviewed or cancelled, changes nothing.
 */
@Component
public class ReviewScheduling {
    private static final Logger log = LoggerFactory.getLogger(ReviewScheduling.class);

    private final ReviewRepository reviews;
    private final SessionBooking booking;
    private final SpecialistDirectory directory;
    private final WeeklyLoad load;
    private final PanelComposer composer;
    private final ReviewMetrics metrics;
    private final Clock clock;

    ReviewScheduling(ReviewRepository reviews, SessionBooking booking, SpecialistDirectory directory, WeeklyLoad load,
                     PanelComposer composer, ReviewMetrics metrics, Clock clock) {
        this.reviews = reviews;
        this.booking = booking;
        this.directory = directory;
        this.load = load;
        this.composer = composer;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Mono<Void> apply(Envelope envelope) {
        ScheduleReview command = envelope.payload(ScheduleReview.class);
        return reviews.findById(command.caseId()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(existing -> existing.map(review -> alreadyReviewed(review, envelope.id()))
                        .orElseGet(() -> schedule(envelope.id(), command)))
                .then();
    }

    private Mono<Review> alreadyReviewed(Review review, String commandId) {
        if (review.hasApplied(commandId)) {
            return Mono.empty();
        }
        log.info("case {} already has a {} review; ScheduleReview {} changes nothing", review.caseId(), review.status(),
                commandId);
        return reviews.save(review.acknowledge(commandId));
    }

    private Mono<Review> schedule(String commandId, ScheduleReview command) {
        return booking.book(command.caseId(), command.urgency())
                .flatMap(session -> compose(commandId, command, session))
                .flatMap(reviews::save)
                .doOnNext(review -> {
                    metrics.uncovered(review.uncoveredDisciplines());
                    log.info("case {} scheduled on {} with {} members{}", review.caseId(), review.session().id(),
                            review.panel().size(), review.uncoveredDisciplines().isEmpty() ? ""
                                    : "; uncovered: " + review.uncoveredDisciplines());
                });
    }

    private Mono<Review> compose(String commandId, ScheduleReview command, SessionSlot session) {
        return directory.inDisciplines(command.disciplines()).collectList()
                .zipWith(load.inWeekOf(session.startsAt()))
                .map(found -> composer.compose(command.disciplines(), command.languages(), found.getT1(), found.getT2()))
                .map(panel -> Review.schedule(commandId, command, panel, session, clock.instant()));
    }
}
