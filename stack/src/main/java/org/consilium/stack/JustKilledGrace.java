package org.consilium.stack;

import java.time.Duration;
import java.util.function.Predicate;

import org.slf4j.Logger;

/**
 * What a launcher killed with SIGKILL leaves for a while: its data dir lock and its sockets stay held until the
 * kernel has torn the whole JVM down, seconds on a loaded machine. A restart right after the crash tries again for
 * a grace period instead of refusing at once; only what is still held after it is refused.
 */
final class JustKilledGrace {
    private static final long POLL_MILLIS = 200;

    private JustKilledGrace() {
    }

    /** A check of what is held; may fail like the resource it probes. */
    @FunctionalInterface
    interface Attempt<T, E extends Exception> {
        T get() throws E;
    }

    /**
     * Tries {@code attempt} until {@code done} holds or {@code grace} has passed, logging {@code waiting} once if the
     * first try was not done; returns the last result (also when interrupted, with the interrupt flag kept).
     */
    static <T, E extends Exception> T retry(Duration grace, Attempt<T, E> attempt, Predicate<T> done, Logger log,
                                            String waiting) throws E {
        long deadline = System.nanoTime() + grace.toNanos();
        T result = attempt.get();
        if (!done.test(result) && !grace.isZero()) {
            log.info("{}; waiting up to {} s for a stack that was just killed to let go", waiting, grace.toSeconds());
        }
        while (!done.test(result) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
            result = attempt.get();
        }
        return result;
    }
}
