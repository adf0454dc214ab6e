package org.consilium.mdt.review;

import org.consilium.support.concurrency.ConcurrentChanges;
import org.consilium.support.idempotency.RequestFingerprint;
import org.consilium.support.problem.DomainProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/** Opinions and consensus: load the review, let it decide, save the change with its event. */
@Component
public class PanelDeliberation {
    private final ReviewRepository reviews;
    private final ReviewMetrics metrics;
    private final Clock clock;
    private final Duration followUpWindow;

    PanelDeliberation(ReviewRepository reviews, ReviewMetrics metrics, Clock clock,
                      @Value("${consilium.mdt.follow-up-window:P30D}") Duration followUpWindow) {
        this.reviews = reviews;
        this.metrics = metrics;
        this.clock = clock;
        this.followUpWindow = followUpWindow;
    }

    /** How long after the consensus follow-up questions are taken (the patient's window shows until when). */
    Duration followUpWindow() {
        return followUpWindow;
    }

    public Mono<FollowUpQuestion> ask(String caseId, QuestionRequest request) {
        return change(caseId, review -> review.ask(request.question(), request.replyTo().recipient(), clock.instant(),
                followUpWindow));
    }

    public Mono<FollowUpQuestion> answer(String caseId, String questionId, AnswerRequest request) {
        return change(caseId, review -> review.answer(questionId, request.chairId(), request.answer(), clock.instant()));
    }

    public Mono<Review> find(String caseId) {
        return reviews.findById(caseId).switchIfEmpty(Mono.error(() -> DomainProblem.notFound("review of case", caseId)));
    }

    /** Emits whether an earlier opinion of the member was replaced. */
    public Mono<OpinionRecorded> recordOpinion(String caseId, OpinionRequest request) {
        return recordOpinion(caseId, request, null);
    }

    /**
     * As {@link #recordOpinion(String, OpinionRequest)}, under an {@code Idempotency-Key} (null: none). A replay is
     * not saved: nothing changed.
     */
    public Mono<OpinionRecorded> recordOpinion(String caseId, OpinionRequest request, String idempotencyKey) {
        String fingerprint = idempotencyKey == null ? null : RequestFingerprint.of(request);
        return Mono.defer(() -> find(caseId).flatMap(review -> {
                    Review.OpinionOutcome outcome = review.recordOpinion(request, idempotencyKey, fingerprint, clock.instant());
                    OpinionRecorded recorded = new OpinionRecorded(review, outcome.replaced(), outcome.replayed());
                    return outcome.replayed() ? Mono.just(recorded) : reviews.save(review).thenReturn(recorded);
                }))
                .retryWhen(ConcurrentChanges.retry("the review of case " + caseId))
                .doOnNext(recorded -> {
                    if (!recorded.replayed()) {
                        metrics.opinionSubmitted(recorded.review().member(request.specialistId())
                                .map(m -> m.discipline()).orElse("unknown"));
                    }
                });
    }

    public Mono<Review> conclude(String caseId, ConsensusRequest request) {
        return change(caseId, review -> {
            review.conclude(request, clock.instant());
            return review;
        });
    }

    /** Concurrent changes to one review are detected by its version; the loser re-reads and tries again. */
    private <T> Mono<T> change(String caseId, Function<Review, T> decision) {
        return Mono.defer(() -> find(caseId).flatMap(review -> {
                    T outcome = decision.apply(review);
                    return reviews.save(review).thenReturn(outcome);
                }))
                .retryWhen(ConcurrentChanges.retry("the review of case " + caseId));
    }

    /** @param replayed the same submission came again under its Idempotency-Key: nothing was recorded or announced */
    public record OpinionRecorded(Review review, boolean replaced, boolean replayed) {
    }
}
