package org.consilium.stack.services;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One child JVM of the stack (a service, a replica of one, a Kafka node): the same command every time it is
 * (re)started, its output appended to its log under a banner, its pid under {@code <data-dir>/run} so that a
 * launcher killed with it still has it stopped by the next start ({@link LeftoverProcesses}). What differs between
 * the kinds is when one counts as back after a restart, which {@link ChildSupervision} asks of {@link #isBack()}.
 */
public abstract class ChildProcess {

    private final ProcessBuilder builder;
    private final Path logFile;
    private final Path pidFile;
    /** A Kafka node takes the end of its stdin for the launcher's death; a service is given none. */
    private final boolean keepsStdinOpen;
    private final RestartPolicy restartPolicy = new RestartPolicy();
    // set by whoever reacts to this launch's exit first, so a crash is handled exactly once
    private final AtomicBoolean exitHandled = new AtomicBoolean();
    private volatile Process process;
    private volatile Instant startedAt;
    // where this launch's output begins in the log, which earlier launches' output precedes
    private volatile long launchOffset;

    protected ChildProcess(ProcessBuilder builder, Path logFile, Path pidFile, boolean keepsStdinOpen) {
        this.builder = builder.redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile.toFile()))
                .redirectInput(Redirect.PIPE);
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.keepsStdinOpen = keepsStdinOpen;
    }

    /** Its name for people reading the stack's log: the service, and which replica when there are several. */
    public abstract String label();

    /** After a restart: whether this launch serves again (ready, registered), and what the log says when it does. */
    protected abstract boolean isBack();

    protected abstract String backAgain();

    /** What the others do while it is down, for the log line of its restart; empty when nothing needs saying. */
    protected String whileDown() {
        return "";
    }

    public synchronized void start() throws IOException {
        Files.createDirectories(logFile.getParent());
        Files.writeString(logFile, String.format("%n===== %s started by the Consilium stack at %s =====%n",
                label(), Instant.now()), StandardCharsets.UTF_8, CREATE, APPEND);
        launchOffset = Files.size(logFile);
        Process started = builder.start();
        if (!keepsStdinOpen) {
            started.getOutputStream().close();
        }
        exitHandled.set(false);
        startedAt = Instant.now();
        process = started;
        LeftoverProcesses.remember(pidFile, started.pid());
    }

    public Path logFile() {
        return logFile;
    }

    RestartPolicy restartPolicy() {
        return restartPolicy;
    }

    public Process process() {
        return process;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** Whether this launch's own output (not an earlier launch's) contains the text. */
    protected boolean saidSinceStart(String text) {
        try (InputStream log = Files.newInputStream(logFile)) {
            log.skipNBytes(launchOffset);
            return new String(log.readAllBytes(), StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** True for the first caller after a launch exited; later callers leave it alone. */
    boolean claimExit() {
        return exitHandled.compareAndSet(false, true);
    }

    /**
     * Asks politely (SIGTERM): a Spring Boot service shuts down gracefully, a Kafka node in a controlled shutdown.
     * Through the handle: {@link Process#destroy()} would also close a Kafka node's stdin, which it takes for the
     * launcher's death, and it would halt in the middle of its shutdown.
     */
    public void requestStop() {
        Process current = process;
        if (current != null) {
            current.toHandle().destroy();
        }
    }

    /** Waits for the exit until the deadline, then kills it and anything it started. */
    public void awaitStop(Instant deadline) throws InterruptedException {
        Process current = process;
        if (current == null) {
            return;
        }
        long millisLeft = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
        if (!current.waitFor(millisLeft, TimeUnit.MILLISECONDS)) {
            current.descendants().forEach(ProcessHandle::destroyForcibly);
            current.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        LeftoverProcesses.forget(pidFile);
    }

    /** For when there is no time left to wait. */
    public void kill() {
        Process current = process;
        if (current != null) {
            current.descendants().forEach(ProcessHandle::destroyForcibly);
            current.destroyForcibly();
        }
        LeftoverProcesses.forget(pidFile);
    }

    /** The end of the log, to show why it would not start without sending the user hunting. */
    public String logTail(int lines) {
        return LogTail.of(logFile, lines);
    }
}
