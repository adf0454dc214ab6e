package org.consilium.identity.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing at the login form without handing anyone a way to lock others out (issue 11).
 * <p>
 * Counted per user name <em>and client address</em>: after {@code free-failures} wrong passwords for a name from
 * one address, each further try from there waits {@code first-delay}, then twice as long, up to {@code max-delay}.
 * A try during the wait is refused before the password is checked, and is no failure, so waiting never extends
 * it; a success clears the count. The same name from another address is never slowed by those failures: a
 * stranger guessing at a coordinator's name slows only their own guessing. (The first version locked the name
 * itself for 15 minutes, right password or not, which let anyone lock out anyone.)
 * <p>
 * Looser, per address over all names: after {@code address-free-failures} wrong passwords from an address every
 * try from there waits the same way, so one password tried at many names is slowed too. A success does not clear
 * it (or one own account would reset it); like the per-name count it is forgotten {@code forget-after} after its
 * last failure. People behind one shared address share this count: that is why it is looser.
 * <p>
 * A try is counted as a failure when it is admitted and taken back when it succeeds, so parallel guesses cannot
 * all pass the check before the first wrong password is counted. In memory: a restart forgets (production runs
 * Keycloak, with its own brute-force detection).
 */
public final class LoginThrottle {
    /** Above this many counts the forgotten ones are dropped, so guessing at random names cannot fill the heap. */
    private static final int PRUNE_ABOVE = 10_000;

    private final LoginLimits limits;
    private final Clock clock;
    private final Map<NameAtAddress, Failures> perName = new HashMap<>();
    private final Map<String, Failures> perAddress = new HashMap<>();

    /** Why and how long a try must wait. */
    public record Wait(Duration left, boolean wholeAddress) {
    }

    private record NameAtAddress(String username, String address) {
    }

    private record Failures(int count, Instant last) {
    }

    public LoginThrottle(LoginLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** A wait if this try comes too early; otherwise none, and the try counts as a failure until it succeeds. */
    public synchronized Optional<Wait> admit(String username, String address) {
        Instant now = clock.instant();
        NameAtAddress key = key(username, address);
        Optional<Duration> nameWait = waitLeft(perName.get(key), limits.freeFailures(), now);
        if (nameWait.isPresent()) {
            return nameWait.map(left -> new Wait(left, false));
        }
        Optional<Duration> addressWait = waitLeft(perAddress.get(key.address()), limits.addressFreeFailures(), now);
        if (addressWait.isPresent()) {
            return addressWait.map(left -> new Wait(left, true));
        }
        perName.put(key, counted(perName.get(key), now));
        perAddress.put(key.address(), counted(perAddress.get(key.address()), now));
        pruneIfLarge(now);
        return Optional.empty();
    }

    /** The admitted try had the right password: not a failure after all, and this name starts afresh there. */
    public synchronized void succeeded(String username, String address) {
        NameAtAddress key = key(username, address);
        perName.remove(key);
        perAddress.computeIfPresent(key.address(), (ignored, held) ->
                held.count() <= 1 ? null : new Failures(held.count() - 1, held.last()));
    }

    private Optional<Duration> waitLeft(Failures failures, int free, Instant now) {
        if (failures == null || forgotten(failures, now)) {
            return Optional.empty();
        }
        Instant until = failures.last().plus(limits.delayAfter(failures.count(), free));
        return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    private Failures counted(Failures held, Instant now) {
        return held == null || forgotten(held, now) ? new Failures(1, now) : new Failures(held.count() + 1, now);
    }

    private boolean forgotten(Failures failures, Instant now) {
        return !now.isBefore(failures.last().plus(limits.forgetAfter()));
    }

    private void pruneIfLarge(Instant now) {
        if (perName.size() > PRUNE_ABOVE) {
            perName.values().removeIf(failures -> forgotten(failures, now));
        }
        if (perAddress.size() > PRUNE_ABOVE) {
            perAddress.values().removeIf(failures -> forgotten(failures, now));
        }
    }

    private static NameAtAddress key(String username, String address) {
        return new NameAtAddress(username == null ? "" : username.trim().toLowerCase(Locale.ROOT),
                address == null ? "" : address);
    }
}
