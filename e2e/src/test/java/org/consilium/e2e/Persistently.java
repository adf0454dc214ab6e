package org.consilium.e2e;

import java.time.Duration;
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

    private final AtomicLong outages = new AtomicLong();
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

    /** Reads until {@code ready} holds (a read is always safe to repeat). */
    <T> T await(String what, Supplier<T> read, Predicate<T> ready) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Object last = "nothing yet";
        while (System.nanoTime() < deadline) {
            try {
                T value = read.get();
                if (value != null && ready.test(value)) {
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

    long outages() {
        return outages.get();
    }

    long serverErrors() {
        return serverErrors.get();
    }

    java.util.List<String> serverErrorAnswers() {
        return java.util.List.copyOf(serverErrorAnswers);
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
