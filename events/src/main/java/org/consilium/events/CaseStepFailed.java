package org.consilium.events;

import java.time.Instant;

/**
 * A step of the case cannot go on without a person: a command that keeps failing (dead-lettered), an
 * event the engine could not apply, a panel that cannot be composed. The process turns it into a
 * coordinator task, so no case waits silently. Any service may publish it (topic
 * {@link Topics#CASE_FAILURES}); the engine also raises it for the dead letters of case commands.
 *
 * @param service    who reports it, e.g. {@code mdt-scheduler}
 * @param step       what could not be done: the message type that failed, e.g. {@code DeliverReport}
 * @param reason     why, for the coordinator: no personal data (names, questions), only what went wrong
 * @param deadLetter where the failed record was dead-lettered, when it was; null for a reported failure
 */
public record CaseStepFailed(String caseId, @Required String service, @Required String step, @Required String reason, DeadLetter deadLetter,
                             @Required Instant failedAt) implements CaseMessage {

    /** A record on a dead-letter topic: replaying it to {@code originalTopic} retries the step. */
    public record DeadLetter(String topic, int partition, long offset, String originalTopic) {
    }
}
