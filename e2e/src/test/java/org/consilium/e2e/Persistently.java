package org.consilium.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A client that keeps trying while parts of the stack are down, as a real client behind a retrying gateway would,
 * and tells apart what the fault suite must count: an answer that acknowledged the write, an answer that says an
 * earlier attempt whose answer was lost already did it, an outage (no answer, 502–504, 401 while the provider
 * restarts), and a server error (500), which is a defect however the stack is treated.
 */
final class Persistently {
    /** How long one call keeps trying: longer than a whole-stack restart on a loaded machine. */
    static final Duration PATIENCE = Duration.ofMinutes(8);
    private static final Set<Integer> OUTAGE = Set.of(502, 503, 504);

    enum Outcome {
        /** This call's own 2xx: the write is acknowledged and goes into the ledger. */
        ACKNOWLEDGED,
        /** An earlier try's answer was lost, and the service says it is done already (e.g. 409 already-approved). */
        ALREADY_DONE
    }

    /**
     * 409s that say the case changed at the same moment and nothing was done, which ask to try again: the engine's
     * optimistic lock ({@code conflict}), a service's retries of its own optimistic lock spent ({@code concurrent-change}).
     */
    private static final List<String> TRY_AGAIN = List.of("\"urn:consilium:problem:conflict\"",
            "\"urn:consilium:problem:concurrent-change\"");

    private final AtomicLong outages = new AtomicLong();
    private final AtomicLong conflictsRetried = new AtomicLong();
    /** When the faults ended (System.nanoTime()), or -1 while they go on. */
    private volatile long calmSince = -1;
    private final java.util.concurrent.atomic.AtomicReference<String> longestWait =
            new java.util.concurrent.atomic.AtomicReference<>("none");
    private final AtomicLong longestWaitNanos = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final java.util.Queue<String> serverErrorAnswers = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * Sends until the answer is {@code acknowledged} or {@code alreadyDone}; any other 4xx fails at once (a
     * refusal the driver did not expect is a finding, not something to retry).
     */
    Outcome call(String what, Supplier<Http.Response> request, Predicate<Http.Response> acknowledged,
                 Predicate<Http.Response> alreadyDone) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String last = "nothing yet";
        while (System.nanoTime() < deadline) {
            try {
                Http.Response answer = request.get();
                if (acknowledged.test(answer)) {
                    return Outcome.ACKNOWLEDGED;
                }
                if (alreadyDone.test(answer)) {
                    return Outcome.ALREADY_DONE;
                }
                last = answer.status() + " " + answer.raw();
                if (answer.status() == 401) {
                    // a provider that restarted may sign with a key the services have not fetched yet: sign in again
                    DemoUsers.forgetTokens();
                    outages.incrementAndGet();
                } else if (OUTAGE.contains(answer.status())) {
                    outages.incrementAndGet();
                } else if (answer.status() == 409 && TRY_AGAIN.stream().anyMatch(answer.raw()::contains)) {
                    // two steps of one case at once (the engine's optimistic lock): a person presses again
                    conflictsRetried.incrementAndGet();
                } else if (answer.status() >= 500) {
                    serverErrors.incrementAndGet();
                    serverErrorAnswers.add(what + ": " + last);
                } else {
                    throw new AssertionError(what + " was refused: " + last);
                }
            } catch (RuntimeException unreachable) {
                // connection refused, reset or timed out, or the provider itself down while signing in
                outages.incrementAndGet();
                last = unreachable.toString();
            }
            pause();
        }
        throw new AssertionError(what + " did not succeed within " + PATIENCE + "; last: " + last);
    }

    /**
     * Reads until {@code ready} holds (a read is always safe to repeat). This is a wait for the platform's own work (a
     * task to open, a panel to be seated), not a person's step: while the faults go on the platform may fall behind
     * (every JVM killed in turn, 200 cases in flight, 2 cores), so the patience counts from the end of the faults, or
     * from the start of the wait if later; the longest wait is reported, so a platform that is slow shows as a number.
     */
    <T> T await(String what, Supplier<T> read, Predicate<T> ready) {
        long started = System.nanoTime();
        Object last = "nothing yet";
        while (!outOfPatience(started)) {
            try {
                T value = read.get();
                if (value != null && ready.test(value)) {
                    waited(what, System.nanoTime() - started);
                    return value;
                }
                last = value;
            } catch (RuntimeException unreachable) {
                outages.incrementAndGet();
                last = unreachable.toString();
            }
            pause();
        }
        throw new AssertionError("waited " + PATIENCE + " for " + what + "; last: " + last);
    }

    /** The faults are over: from now on the platform has {@link #PATIENCE} to catch up on what it owes. */
    void faultsEnded() {
        calmSince = System.nanoTime();
    }

    private boolean outOfPatience(long started) {
        long calm = calmSince;
        return calm >= 0 && System.nanoTime() - Math.max(started, calm) > PATIENCE.toNanos();
    }

    private void waited(String what, long nanos) {
        if (nanos > longestWaitNanos.getAndAccumulate(nanos, Math::max)) {
            longestWait.set("%.0f s for %s".formatted(nanos / 1e9, what));
        }
    }

    /** The longest the platform kept a person waiting for its own work, and for what. */
    String longestWait() {
        return longestWait.get();
    }

    long conflictsRetried() {
        return conflictsRetried.get();
    }

    long outages() {
        return outages.get();
    }

    long serverErrors() {
        return serverErrors.get();
    }

    List<String> serverErrorAnswers() {
        return List.copyOf(serverErrorAnswers);
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
