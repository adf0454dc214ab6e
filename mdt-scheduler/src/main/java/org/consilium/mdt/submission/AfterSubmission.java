package org.consilium.mdt.submission;

import reactor.core.publisher.Mono;

/**
 * What else must happen once a case's CaseSubmitted is kept (a ScheduleReview that came before it is applied now).
 * An interface here so this package, which the review package reads, does not read the review package back.
 */
public interface AfterSubmission {

    /** Called after the case's question is stored, and again on a redelivery: must change nothing the second time. */
    Mono<Void> submitted(String caseId);
}
