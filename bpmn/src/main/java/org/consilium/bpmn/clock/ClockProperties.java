package org.consilium.bpmn.clock;

import org.consilium.events.Urgency;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Case clocks per urgency: how often records reminders go out, and when the coordinator is asked to
 * chase what is still missing; how long a delivery may stay unconfirmed before the coordinator checks
 * it; how long a concluded report may wait in QA before the coordinator is asked to release it; when
 * the follow-up asks about the decision; how long ScheduleReview may stay unanswered, and how long a
 * scheduled panel may take to conclude, before the coordinator is asked to look; how long a coordinator's task
 * may stay open (its due date, when the model sets none). Any value left out keeps its default.
 */
@ConfigurationProperties("consilium.clock")
public record ClockProperties(PerUrgency reminder, PerUrgency deadline, Duration deliveryWatch, Duration followUp,
                              Duration releaseWatch, Duration schedulingWatch, PerUrgency panelWatch,
                              PerUrgency taskTarget) {
    /** mdt-scheduler answers ScheduleReview in seconds: an hour without MdtScheduled is a stall. */
    static final Duration DEFAULT_SCHEDULING_WATCH = Duration.ofHours(1);
    /** The panel's clock per urgency (discussed within 14, 5, 2 days of scheduling) and a day's grace. */
    static final PerUrgency DEFAULT_PANEL_WATCH = new PerUrgency(Duration.ofDays(15), Duration.ofDays(6), Duration.ofDays(3));
    /** A coordinator answers within two working days, a day when expedited, four hours when urgent. */
    static final PerUrgency DEFAULT_TASK_TARGET = new PerUrgency(Duration.ofDays(2), Duration.ofDays(1), Duration.ofHours(4));
    static final Duration DEFAULT_DELIVERY_WATCH = Duration.ofHours(4);
    static final Duration DEFAULT_RELEASE_WATCH = Duration.ofDays(2);
    static final Duration DEFAULT_FOLLOW_UP = Duration.ofDays(30);

    static final PerUrgency DEFAULT_REMINDER = new PerUrgency(Duration.ofDays(3), Duration.ofDays(2), Duration.ofDays(1));
    static final PerUrgency DEFAULT_DEADLINE = new PerUrgency(Duration.ofDays(10), Duration.ofDays(5), Duration.ofDays(3));

    public ClockProperties {
        reminder = PerUrgency.orDefaults(reminder, DEFAULT_REMINDER);
        deadline = PerUrgency.orDefaults(deadline, DEFAULT_DEADLINE);
        deliveryWatch = deliveryWatch != null ? deliveryWatch : DEFAULT_DELIVERY_WATCH;
        followUp = followUp != null ? followUp : DEFAULT_FOLLOW_UP;
        releaseWatch = releaseWatch != null ? releaseWatch : DEFAULT_RELEASE_WATCH;
        schedulingWatch = schedulingWatch != null ? schedulingWatch : DEFAULT_SCHEDULING_WATCH;
        panelWatch = PerUrgency.orDefaults(panelWatch, DEFAULT_PANEL_WATCH);
        taskTarget = PerUrgency.orDefaults(taskTarget, DEFAULT_TASK_TARGET);
    }

    public record PerUrgency(Duration routine, Duration expedited, Duration urgent) {
        public Duration of(Urgency urgency) {
            return switch (urgency) {
                case ROUTINE -> routine;
                case EXPEDITED -> expedited;
                case URGENT -> urgent;
            };
        }

        static PerUrgency orDefaults(PerUrgency given, PerUrgency defaults) {
            if (given == null) {
                return defaults;
            }
            return new PerUrgency(given.routine != null ? given.routine : defaults.routine,
                    given.expedited != null ? given.expedited : defaults.expedited,
                    given.urgent != null ? given.urgent : defaults.urgent);
        }
    }
}
