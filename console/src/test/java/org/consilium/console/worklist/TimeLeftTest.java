package org.consilium.console.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TimeLeftTest {
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    @Test
    void theTasksOwnDueDateComesBeforeTheProcessClock() {
        TimeLeft left = TimeLeft.of(Optional.of(NOW.plus(Duration.ofDays(3).plusHours(4))), Optional.of(NOW.plusSeconds(60)), NOW);

        assertThat(left.source()).isEqualTo("due");
        assertThat(left.label()).isEqualTo("3 d 4 h left");
        assertThat(left.state()).isEqualTo("on-time");
        assertThat(left.deadlineText()).isEqualTo("2026-12-09 12:00 UTC");
    }

    @Test
    void underADayIsAtRiskAndAPassedClockIsBreachedInWordsNotOnlyColour() {
        assertThat(TimeLeft.of(Optional.empty(), Optional.of(NOW.plus(Duration.ofMinutes(45))), NOW))
                .satisfies(left -> {
                    assertThat(left.source()).isEqualTo("clock");
                    assertThat(left.label()).isEqualTo("45 min left");
                    assertThat(left.state()).isEqualTo("at-risk");
                });
        assertThat(TimeLeft.of(Optional.empty(), Optional.of(NOW.minus(Duration.ofHours(2).plusMinutes(5))), NOW))
                .satisfies(left -> {
                    assertThat(left.label()).isEqualTo("overdue by 2 h 5 min");
                    assertThat(left.state()).isEqualTo("breached");
                });
    }

    @Test
    void withoutDueDateOrClockTheRowSaysSoAndSortsLast() {
        TimeLeft none = TimeLeft.of(Optional.empty(), Optional.empty(), NOW);
        TimeLeft far = TimeLeft.of(Optional.of(NOW.plus(Duration.ofDays(900))), Optional.empty(), NOW);

        assertThat(none.label()).isEqualTo("no clock");
        assertThat(none.state()).isEqualTo("none");
        assertThat(none.left()).isGreaterThan(far.left());
    }
}
