package org.consilium.identity.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The throttle's arithmetic on a clock the test moves: who waits, how long, and who never does. */
class LoginThrottleTest {
    private static final String ATTACKER = "203.0.113.66";
    private static final String OFFICE = "198.51.100.7";

    private final TestClock clock = new TestClock(Instant.parse("2026-11-29T03:30:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginLimits(3, Duration.ofSeconds(1), Duration.ofSeconds(60), 20, Duration.ofMinutes(15)), clock);

    @Test
    void aStrangersFailuresNeverMakeTheRightUserWaitAtTheirOwnAddress() {
        for (int guess = 0; guess < 50; guess++) {
            throttle.admit("cora.nolan", ATTACKER); // each admitted guess is a wrong password
            clock.advance(Duration.ofSeconds(30));
        }
        assertThat(throttle.admit("cora.nolan", ATTACKER)).as("the stranger is slowed").isPresent();

        assertThat(throttle.admit("cora.nolan", OFFICE)).isEmpty();
        throttle.succeeded("cora.nolan", OFFICE);
    }

    @Test
    void afterThreeFailuresEachTryWaitsTwiceAsLongUpToTheCap() {
        failures("sam.lee", ATTACKER, 3);
        assertThat(waitLeft("sam.lee", ATTACKER)).isEqualTo(Duration.ofSeconds(1));

        long[] seconds = {2, 4, 8, 16, 32, 60, 60};
        for (int i = 0; i < seconds.length; i++) {
            failures("sam.lee", ATTACKER, 1);
            assertThat(waitLeft("sam.lee", ATTACKER)).as("after %d failures", 4 + i)
                    .isEqualTo(Duration.ofSeconds(seconds[i]));
        }
    }

    @Test
    void aTryDuringTheWaitIsRefusedAndDoesNotExtendIt() {
        failures("sam.lee", ATTACKER, 4);
        assertThat(waitLeft("sam.lee", ATTACKER)).isEqualTo(Duration.ofSeconds(2));

        clock.advance(Duration.ofMillis(1500));
        assertThat(waitLeft("sam.lee", ATTACKER)).isEqualTo(Duration.ofMillis(500));
        clock.advance(Duration.ofMillis(500));
        assertThat(throttle.admit("sam.lee", ATTACKER)).isEmpty();
    }

    @Test
    void aSuccessClearsTheCountForThatNameAtThatAddress() {
        failures("sam.lee", ATTACKER, 3);
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.admit("sam.lee", ATTACKER)).isEmpty();
        throttle.succeeded("sam.lee", ATTACKER); // the admitted try had the right password

        failures("sam.lee", ATTACKER, 2);
        assertThat(throttle.admit("sam.lee", ATTACKER)).as("two failures after the success are free").isEmpty();
    }

    @Test
    void namesAreCountedCaseInsensitively() {
        failures("Sam.Lee ", ATTACKER, 3);
        assertThat(waitLeft("sam.lee", ATTACKER)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void oneAddressGuessingAtManyNamesWaitsForEveryNameThere() {
        for (int name = 0; name < 20; name++) {
            failures("nobody-" + name, ATTACKER, 1);
        }
        LoginThrottle.Wait wait = throttle.admit("dr.rivera", ATTACKER).orElseThrow();
        assertThat(wait.wholeAddress()).isTrue();
        assertThat(wait.left()).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.admit("dr.rivera", OFFICE)).isEmpty();
    }

    @Test
    void successfulSignInsAtASharedAddressDoNotCountAgainstIt() {
        for (int person = 0; person < 100; person++) {
            assertThat(throttle.admit("person-" + person, OFFICE)).isEmpty();
            throttle.succeeded("person-" + person, OFFICE);
        }
        assertThat(throttle.admit("cora.nolan", OFFICE)).isEmpty();
    }

    @Test
    void countsAreForgottenAfterAQuietSpell() {
        failures("sam.lee", ATTACKER, 10);
        clock.advance(Duration.ofMinutes(15));

        failures("sam.lee", ATTACKER, 2);
        assertThat(throttle.admit("sam.lee", ATTACKER)).as("counting starts afresh").isEmpty();
    }

    @Test
    void limitsThatWouldForgetACountBeforeItsWaitEndsAreRefused() {
        assertThatThrownBy(() -> new LoginLimits(3, Duration.ofSeconds(1), Duration.ofMinutes(20), 20,
                Duration.ofMinutes(15))).isInstanceOf(IllegalArgumentException.class);
    }

    /** Wrong passwords from a guesser who waits exactly as long as told before each. */
    private void failures(String username, String address, int count) {
        for (int i = 0; i < count; i++) {
            Optional<LoginThrottle.Wait> wait = throttle.admit(username, address);
            if (wait.isPresent()) {
                clock.advance(wait.get().left());
                assertThat(throttle.admit(username, address)).as("try %d admitted after its wait", i + 1).isEmpty();
            }
        }
    }

    private Duration waitLeft(String username, String address) {
        return throttle.admit(username, address).orElseThrow(() -> new AssertionError("no wait")).left();
    }
}
