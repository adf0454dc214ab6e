package org.consilium.mdt.review;

import org.consilium.events.CancelCase;
import org.consilium.events.Envelope;
import org.consilium.mdt.session.SessionBooking;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Optional;

/**
 * Applies CancelCase: the review is cancelled and its session seat freed. A CancelCase for a case
 * not scheduled yet is kept as a cancelled review, so that a later ScheduleReview does not schedule it.
 */
@Component
public class ReviewCancellation {
    private final ReviewRepository reviews;
    private final SessionBooking booking;
    private final Clock clock;

    ReviewCancellation(ReviewRepository reviews, SessionBooking booking, Clock clock) {
        this.reviews = reviews;
        this.booking = booking;
        this.clock = clock;
    }

    public Mono<Void> apply(Envelope envelope) {
        CancelCase command = envelope.payload(CancelCase.class);
        return reviews.findById(command.caseId()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(found -> found
                        .map(review -> review.hasApplied(envelope.id()) ? Mono.<Review>empty()
                                : cancel(review, envelope.id(), command.reason()))
                        .orElseGet(() -> booking.release(command.caseId()) // a seat a failed scheduling left taken
                                .then(reviews.save(Review.cancelledBeforeScheduling(envelope.id(), command.caseId(),
                                        command.reason(), clock.instant())))))
                .then();
    }

    private Mono<Review> cancel(Review review, String commandId, String reason) {
        review.cancel(commandId, reason, clock.instant());
        // The seat is freed first: releasing twice is harmless, a seat left taken would not be.
        Mono<Void> seat = review.status() == ReviewStatus.CANCELLED ? booking.release(review.caseId()) : Mono.empty();
        return seat.then(reviews.save(review));
    }
}
