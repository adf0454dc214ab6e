package org.consilium.identity.users;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Password guessing is slowed to uselessness (issue 6: limits on public endpoints; the login form is
 * the most public of all): after {@code max-failures} wrong passwords for one user name the account is
 * locked for {@code lockout}, whatever password comes next; a successful sign-in clears the count.
 * Counted per user name, so one attacker cannot lock out everyone behind a shared address, and in
 * memory: a restart forgets (Keycloak has its own brute-force detection in production).
 */
@Component
public class LoginThrottle {
    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    record Failures(int count, Instant lockedUntil) {
    }

    @Autowired
    LoginThrottle(@Value("${consilium.identity.login.max-failures:5}") int maxFailures,
                  @Value("${consilium.identity.login.lockout:15m}") Duration lockout) {
        this(maxFailures, lockout, Clock.systemUTC());
    }

    LoginThrottle(int maxFailures, Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    public boolean isLocked(String username) {
        Failures held = failures.get(key(username));
        return held != null && held.lockedUntil() != null && clock.instant().isBefore(held.lockedUntil());
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        failures.compute(key(event.getAuthentication().getName()), (user, held) -> {
            int count = (held == null || (held.lockedUntil() != null && !clock.instant().isBefore(held.lockedUntil())))
                    ? 1 : held.count() + 1;
            return new Failures(count, count >= maxFailures ? clock.instant().plus(lockout) : null);
        });
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        failures.remove(key(event.getAuthentication().getName()));
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
