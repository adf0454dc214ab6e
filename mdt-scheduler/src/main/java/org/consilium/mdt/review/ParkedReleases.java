package org.consilium.mdt.review;

import org.consilium.mdt.submission.AfterSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Applies a case's parked ScheduleReview ({@link ParkedSchedule}) once its CaseSubmitted is kept. Applied, then
 * forgotten: a crash in between leaves the CaseSubmitted unacknowledged, its redelivery applies the command again,
 * and a ScheduleReview already applied changes nothing.
 */
@Component
class ParkedReleases implements AfterSubmission {
    private static final Logger log = LoggerFactory.getLogger(ParkedReleases.class);

    private final ParkedScheduleRepository parked;
    private final ReviewScheduling scheduling;

    ParkedReleases(ParkedScheduleRepository parked, ReviewScheduling scheduling) {
        this.parked = parked;
        this.scheduling = scheduling;
    }

    @Override
    public Mono<Void> submitted(String caseId) {
        return parked.findById(caseId)
                .doOnNext(waiting -> log.info("case {}: CaseSubmitted arrived; applying its ScheduleReview parked since {}",
                        caseId, waiting.parkedAt()))
                .flatMap(waiting -> scheduling.apply(waiting.envelope()).then(parked.deleteById(caseId)));
    }
}
