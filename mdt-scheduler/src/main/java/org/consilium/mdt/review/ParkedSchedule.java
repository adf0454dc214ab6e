package org.consilium.mdt.review;

import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.events.ScheduleReview;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A ScheduleReview that came before its case's CaseSubmitted (two topics, no order between them), kept until the
 * question for the panel arrives. Kept in the store rather than retried on the consumer's thread: a retry there
 * held every other case's command behind it (after a restart with a backlog, for minutes). One per case; the
 * process's scheduling watch (the coordinator task <em>Check the review scheduling</em> after
 * {@code consilium.clock.scheduling-watch}) makes a case whose CaseSubmitted never comes visible work, and the
 * counter {@code consilium.mdt.schedule.awaiting-case} tells ops that intake's events lag.
 *
 * @param caseId      the case
 * @param commandId   the command's event id, so the review it becomes records it as applied
 * @param traceparent the command's trace, continued when it is applied
 * @param command     the command as it came
 * @param parkedAt    when it came
 */
@Document("parkedSchedules")
public record ParkedSchedule(@Id String caseId, String commandId, String traceparent, ScheduleReview command,
                             Instant parkedAt) {

    static ParkedSchedule of(Envelope envelope, Instant now) {
        return new ParkedSchedule(envelope.caseId(), envelope.id(), envelope.traceparent(),
                envelope.payload(ScheduleReview.class), now);
    }

    /** The command again, as the consumer had it. */
    Envelope envelope() {
        return new Envelope(commandId, MessageType.of(command), "/consilium/mdt-scheduler/parked", caseId, parkedAt,
                traceparent, command);
    }
}
