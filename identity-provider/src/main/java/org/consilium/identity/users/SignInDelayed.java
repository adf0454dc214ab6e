package org.consilium.identity.users;

import org.springframework.security.authentication.AccountStatusException;

/**
 * A try that came before its wait was over ({@link LoginThrottle}). An account status exception, so Spring stops
 * at it instead of asking other providers. Its message says nothing about whether the name exists, only what the
 * caller's own address did.
 */
public final class SignInDelayed extends AccountStatusException {
    private final long retryAfterSeconds;

    SignInDelayed(LoginThrottle.Wait wait) {
        super("Too many wrong passwords " + (wait.wholeAddress() ? "" : "for this user name ")
                + "from your address: wait " + seconds(wait) + " s before the next try.");
        this.retryAfterSeconds = seconds(wait);
    }

    /** Whole seconds, rounded up, as an HTTP Retry-After header gives them. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private static long seconds(LoginThrottle.Wait wait) {
        return Math.max(1, (wait.left().toMillis() + 999) / 1000);
    }
}
