package org.consilium.stack.services;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * When to restart a crashed service (or Kafka node, ADR 29): exponential back-off over the restarts of the last minute, and no more
 * than {@link #MAX_RESTARTS_PER_MINUTE} of them, so a service that cannot start does not eat both cores forever.
 */
public final class RestartPolicy {

    public static final int MAX_RESTARTS_PER_MINUTE = 5;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private final Clock clock;
    private final Deque<Instant> recentRestarts = new ArrayDeque<>();

    public RestartPolicy() {
        this(Clock.systemUTC());
    }

    RestartPolicy(Clock clock) {
        this.clock = clock;
    }

    /** The delay before the next restart, or empty when it crashed too often within a minute to keep trying. */
    public synchronized Optional<Duration> nextRestartDelay() {
        Instant now = clock.instant();
        while (!recentRestarts.isEmpty() && !recentRestarts.peekFirst().isAfter(now.minus(WINDOW))) {
            recentRestarts.removeFirst();
        }
        if (recentRestarts.size() >= MAX_RESTARTS_PER_MINUTE) {
            return Optional.empty();
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << recentRestarts.size());
        recentRestarts.addLast(now);
        return Optional.of(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
    }

    public synchronized int restartsInWindow() {
        return recentRestarts.size();
    }
}
