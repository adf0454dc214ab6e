package org.consilium.stack.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private final MutableClock clock = new MutableClock();
    private final RestartPolicy policy = new RestartPolicy(clock);

    @Test
    void backsOffExponentiallyAndGivesUpAfterTheCapWithinAMinute() {
        assertThat(policy.nextRestartDelay()).contains(Duration.ofSeconds(1));
        assertThat(policy.nextRestartDelay()).contains(Duration.ofSeconds(2));
        assertThat(policy.nextRestartDelay()).contains(Duration.ofSeconds(4));
        assertThat(policy.nextRestartDelay()).contains(Duration.ofSeconds(8));
        assertThat(policy.nextRestartDelay()).contains(Duration.ofSeconds(16));
        assertThat(policy.nextRestartDelay()).isEmpty();
    }

    @Test
    void forgetsRestartsOlderThanAMinute() {
        policy.nextRestartDelay();
        policy.nextRestartDelay();
        clock.advance(Duration.ofSeconds(61));

        assertThat(policy.nextRestartDelay()).contains(Duration.ofSeconds(1));
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
