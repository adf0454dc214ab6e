package org.consilium.stack.services;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.consilium.stack.StackStartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a set of child JVMs running once they were ready: a child that dies is restarted with back-off and a cap
 * ({@link RestartPolicy}), its return reported when it is back. One per kind (the services, the Kafka nodes), each
 * with its own thread. Stopping is final: after {@link #stop()}, nothing is started again, not even a restart that
 * was already scheduled (launches and the stop share this object's lock).
 */
public final class ChildSupervision {

    private static final Logger log = LoggerFactory.getLogger(ChildSupervision.class);

    private final Duration readyTimeout;
    /** What a launch that could not start throws: the kind knows what to tell the user. */
    private final Function<ChildProcess, String> launchHint;
    private final ScheduledExecutorService restarts;
    private volatile boolean supervising;
    private boolean stopping;

    public ChildSupervision(String threadName, Duration readyTimeout, Function<ChildProcess, String> launchHint) {
        this.readyTimeout = readyTimeout;
        this.launchHint = launchHint;
        this.restarts = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts the child unless the stack is stopping; from {@link #superviseFromNow} on, its exit is handled (once).
     * Returns false when stopping.
     */
    public synchronized boolean launch(ChildProcess child) {
        if (stopping) {
            return false;
        }
        try {
            child.start();
        } catch (IOException e) {
            throw new StackStartupException("Could not start " + child.label() + ": " + e.getMessage(),
                    launchHint.apply(child), e);
        }
        child.process().onExit().thenRun(() -> {
            if (supervising) {
                onExit(child);
            }
        });
        return true;
    }

    /** The children are ready: from now on a child that dies is restarted, including one that died just now. */
    public void superviseFromNow(Collection<? extends ChildProcess> children) {
        supervising = true;
        // a child that died between its last check and now would otherwise never be noticed
        children.stream().filter(child -> !child.isAlive()).forEach(this::onExit);
    }

    /** After this, nothing is started or restarted again. */
    public void stop() {
        synchronized (this) {
            stopping = true;
        }
        restarts.shutdownNow();
    }

    public synchronized boolean isStopping() {
        return stopping;
    }

    private void onExit(ChildProcess child) {
        if (isStopping() || child.isAlive() || !child.claimExit()) {
            return;
        }
        log.warn("{} (pid {}) exited with code {}; its log: {}",
                child.label(), child.process().pid(), child.process().exitValue(), child.logFile());
        child.restartPolicy().nextRestartDelay().ifPresentOrElse(
                delay -> {
                    log.warn("Restarting {} in {} s (restart {} within a minute){}", child.label(), delay.toSeconds(),
                            child.restartPolicy().restartsInWindow(), child.whileDown());
                    restarts.schedule(() -> restart(child), delay.toMillis(), TimeUnit.MILLISECONDS);
                },
                () -> log.error("{} exited {} times within a minute; not restarting it again{}. Fix the cause "
                        + "(see {}) and restart the stack.", child.label(), RestartPolicy.MAX_RESTARTS_PER_MINUTE + 1,
                        child.whileDown(), child.logFile()));
    }

    private void restart(ChildProcess child) {
        try {
            if (!launch(child)) {
                return;
            }
        } catch (StackStartupException e) {
            log.error("Could not restart {}: {}", child.label(), e.getMessage());
            return;
        }
        log.info("Restarted {} (pid {})", child.label(), child.process().pid());
        restarts.schedule(() -> reportBack(child, child.process()), 1, TimeUnit.SECONDS);
    }

    private void reportBack(ChildProcess child, Process launch) {
        if (isStopping() || child.process() != launch || !launch.isAlive()) {
            return;
        }
        Duration since = Duration.between(child.startedAt(), Instant.now());
        if (child.isBack()) {
            log.info("{} {} {} s after its restart", child.label(), child.backAgain(), since.toSeconds());
        } else if (since.compareTo(readyTimeout) < 0) {
            restarts.schedule(() -> reportBack(child, launch), 1, TimeUnit.SECONDS);
        } else {
            log.warn("{} was restarted but is not back after {} s; see {}", child.label(), since.toSeconds(),
                    child.logFile());
        }
    }
}
