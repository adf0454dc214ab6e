package org.consilium.bpmn.clock;

import org.consilium.events.Urgency;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The case clock as the process model reads it: timer expressions such as
 * {@code ${clock.reminderAfter(urgency)}} get an ISO-8601 duration for the case's urgency.
 */
@Component("clock")
public class CaseClock {
    private final ClockProperties properties;

    public CaseClock(ClockProperties properties) {
        this.properties = properties;
    }

    public String reminderAfter(String urgency) {
        return properties.reminder().of(parse(urgency)).toString();
    }

    public String deadlineAfter(String urgency) {
        return properties.deadline().of(parse(urgency)).toString();
    }

    /**
     * The repeating reminder timer: every reminder interval of the urgency, as many times as fit
     * strictly before the records deadline (which interrupts the wait and so ends the cycle anyway),
     * at least once. Routine by default: {@code R3/PT72H} (days 3, 6, 9 of a 10-day deadline).
     */
    public String reminderCycle(String urgency) {
        Urgency level = parse(urgency);
        Duration every = properties.reminder().of(level);
        Duration deadline = properties.deadline().of(level);
        long times = every.isZero() || every.isNegative() ? 1
                : Math.max(1, (deadline.toMillis() - 1) / every.toMillis());
        return "R" + times + "/" + every;
    }

    /** How long a delivered report may stay unconfirmed before the coordinator is asked to check it. */
    public String deliveryWatch() {
        return properties.deliveryWatch().toString();
    }

    /** How long the process waits for MdtScheduled before the coordinator is asked to check the scheduling. */
    public String schedulingWatch() {
        return properties.schedulingWatch().toString();
    }

    /** How long a scheduled panel may take to sign its consensus before the coordinator chases it. */
    public String panelWatch(String urgency) {
        return properties.panelWatch().of(parse(urgency)).toString();
    }

    public String releaseWatch() {
        return properties.releaseWatch().toString();
    }

    /** How long after delivery the follow-up asks whether a decision was made. */
    public String followUpAfter() {
        return properties.followUp().toString();
    }

    /** How long record collection may take before the coordinator chases; also the dueBy of RequestRecords. */
    public Duration recordsDeadline(Urgency urgency) {
        return properties.deadline().of(urgency);
    }

    static Urgency parse(String urgency) {
        return urgency == null || urgency.isBlank() ? Urgency.ROUTINE : Urgency.valueOf(urgency);
    }
}
