package org.consilium.stack.services;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One wait for a set of services to become ready, with a progress line every few seconds. */
final class ReadinessWait {

    private static final Logger log = LoggerFactory.getLogger(ServiceSupervisor.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final ReadinessProbe probe;
    private final List<ServiceProcess> pending;
    private final Instant started = Instant.now();
    private final Instant deadline;
    private Instant nextProgress = started.plus(PROGRESS_EVERY);

    ReadinessWait(ReadinessProbe probe, List<ServiceProcess> services, Duration timeout) {
        this.probe = probe;
        this.pending = new ArrayList<>(services);
        this.deadline = started.plus(timeout);
    }

    /** Probes every service not yet ready once; returns one that has exited, if any. */
    Optional<ServiceProcess> poll() {
        for (ServiceProcess child : List.copyOf(pending)) {
            if (!child.isAlive()) {
                child.claimExit();
                return Optional.of(child);
            }
            if (probe.isReady(child.port())) {
                pending.remove(child);
                log.info("{} is ready ({} s)", child.label(), elapsedSeconds());
            }
        }
        Instant now = Instant.now();
        if (!pending.isEmpty() && now.isAfter(nextProgress)) {
            log.info("Still starting after {} s: {}", elapsedSeconds(), String.join(", ", pendingNames()));
            nextProgress = now.plus(PROGRESS_EVERY);
        }
        return Optional.empty();
    }

    boolean done() {
        return pending.isEmpty();
    }

    boolean timedOut() {
        return Instant.now().isAfter(deadline);
    }

    List<String> pendingNames() {
        return pending.stream().map(ServiceProcess::label).toList();
    }

    private long elapsedSeconds() {
        return Duration.between(started, Instant.now()).toSeconds();
    }
}
