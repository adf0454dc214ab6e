package org.consilium.stack.engine;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Notices a server that failed to start. zonky waits its whole start-up time (two minutes here, for a crash
 * recovery on a loaded machine) for a server that may have exited at once, e.g. over a bad setting: a stack that
 * cannot start should say so in seconds. Once its {@code pg_ctl} has been seen, {@code pg_ctl} gone with no server
 * running on the directory means the start failed; the starting thread is then interrupted, which ends zonky's wait.
 */
final class FailedStartWatch implements AutoCloseable {

    private static final long POLL_MILLIS = 250;

    private final Path dataDirectory;
    private final Thread starter;
    private final Thread watcher;
    private volatile boolean failed;
    private volatile boolean closed;

    private FailedStartWatch(Path dataDirectory, Thread starter) {
        this.dataDirectory = dataDirectory;
        this.starter = starter;
        this.watcher = new Thread(this::watch, "engine-postgres-start-watch");
        this.watcher.setDaemon(true);
    }

    /** Watches the start the current thread is about to make. */
    static FailedStartWatch ofCurrentThread(Path dataDirectory) {
        FailedStartWatch watch = new FailedStartWatch(dataDirectory, Thread.currentThread());
        watch.watcher.start();
        return watch;
    }

    boolean failed() {
        return failed;
    }

    private void watch() {
        boolean pgCtlSeen = false;
        while (!closed) {
            boolean pgCtl = ProcessHandle.current().descendants().anyMatch(process -> process.info().commandLine()
                    .filter(line -> line.contains("pg_ctl") && line.contains(dataDirectory.toString())).isPresent());
            pgCtlSeen |= pgCtl;
            if (pgCtlSeen && !pgCtl && !serverRunning()) {
                failed = true;
                starter.interrupt();
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean serverRunning() {
        try {
            return LeftoverPostmaster.find(dataDirectory).isPresent();
        } catch (IOException unreadable) {
            return true; // cannot tell: let zonky's own wait decide
        }
    }

    @Override
    public void close() {
        closed = true;
        watcher.interrupt();
        try {
            watcher.join(POLL_MILLIS * 4);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
