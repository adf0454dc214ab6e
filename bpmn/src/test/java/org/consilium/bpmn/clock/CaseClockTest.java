package org.consilium.bpmn.clock;

import org.consilium.events.Urgency;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CaseClockTest {

    @Test
    void defaultsPerUrgency() {
        CaseClock clock = new CaseClock(bind(Map.of()));
        assertThat(clock.reminderAfter("ROUTINE")).isEqualTo("PT72H");
        assertThat(clock.reminderAfter("EXPEDITED")).isEqualTo("PT48H");
        assertThat(clock.reminderAfter("URGENT")).isEqualTo("PT24H");
        assertThat(clock.deadlineAfter("ROUTINE")).isEqualTo("PT240H");
        assertThat(clock.deadlineAfter("EXPEDITED")).isEqualTo("PT120H");
        assertThat(clock.deadlineAfter("URGENT")).isEqualTo("PT72H");
        assertThat(clock.deadlineAfter(null)).isEqualTo("PT240H");
    }

    @Test
    void oneOverriddenValueKeepsTheOtherDefaults() {
        CaseClock clock = new CaseClock(bind(Map.of("consilium.clock.reminder.urgent", "12h",
                "consilium.clock.deadline.routine", "P7D")));
        assertThat(clock.reminderAfter("URGENT")).isEqualTo("PT12H");
        assertThat(clock.reminderAfter("ROUTINE")).isEqualTo("PT72H");
        assertThat(clock.recordsDeadline(Urgency.ROUTINE)).isEqualTo(Duration.ofDays(7));
        assertThat(clock.recordsDeadline(Urgency.URGENT)).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void reminderCycleRepeatsAsOftenAsFitsBeforeTheDeadline() {
        CaseClock clock = new CaseClock(bind(Map.of()));
        assertThat(clock.reminderCycle("ROUTINE")).isEqualTo("R3/PT72H");   // days 3, 6, 9 of 10
        assertThat(clock.reminderCycle("EXPEDITED")).isEqualTo("R2/PT48H"); // days 2, 4 of 5
        assertThat(clock.reminderCycle("URGENT")).isEqualTo("R2/PT24H");    // days 1, 2 of 3
        assertThat(clock.reminderCycle(null)).isEqualTo("R3/PT72H");
        assertThat(clock.deliveryWatch()).isEqualTo("PT4H");
        assertThat(clock.followUpAfter()).isEqualTo("PT720H");

        CaseClock tight = new CaseClock(bind(Map.of("consilium.clock.reminder.urgent", "P5D",
                "consilium.clock.deadline.urgent", "P3D", "consilium.clock.delivery-watch", "30m")));
        assertThat(tight.reminderCycle("URGENT")).isEqualTo("R1/PT120H"); // at least once (the deadline comes first)
        assertThat(tight.deliveryWatch()).isEqualTo("PT30M");
    }

    private static ClockProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("consilium.clock",
                ClockProperties.class);
    }
}
