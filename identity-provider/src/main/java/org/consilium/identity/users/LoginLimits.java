package org.consilium.identity.users;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code consilium.identity.login.*}: how the login form slows password guessing ({@link LoginThrottle}).
 *
 * @param freeFailures        wrong passwords for one user name from one address before its tries must wait
 * @param firstDelay          the first wait; each further failure doubles it
 * @param maxDelay            the longest wait, however many failures
 * @param addressFreeFailures wrong passwords from one address, whatever the names, before every try from there
 *                            must wait (looser: guessing one password at many names)
 * @param forgetAfter         a count is forgotten this long after its last failure (kept longer than
 *                            {@code maxDelay}, or a wait could outlive its own count)
 */
@ConfigurationProperties("consilium.identity.login")
public record LoginLimits(
        @DefaultValue("3") int freeFailures,
        @DefaultValue("1s") Duration firstDelay,
        @DefaultValue("60s") Duration maxDelay,
        @DefaultValue("20") int addressFreeFailures,
        @DefaultValue("15m") Duration forgetAfter) {

    public LoginLimits {
        if (freeFailures < 1 || addressFreeFailures < 1) {
            throw new IllegalArgumentException("free failures must be at least 1");
        }
        if (forgetAfter.compareTo(maxDelay) <= 0) {
            throw new IllegalArgumentException("forget-after (" + forgetAfter + ") must exceed max-delay (" + maxDelay + ")");
        }
    }

    /** The wait after {@code failures} wrong passwords when {@code free} of them cost nothing. */
    Duration delayAfter(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        Duration delay = firstDelay.multipliedBy(1L << Math.min(failures - free, 30));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
