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

    /** How long record collection may take before the coordinator chases; also the dueBy of RequestRecords. */
    public Duration recordsDeadline(Urgency urgency) {
        return properties.deadline().of(urgency);
    }

    static Urgency parse(String urgency) {
        return urgency == null || urgency.isBlank() ? Urgency.ROUTINE : Urgency.valueOf(urgency);
    }
}
