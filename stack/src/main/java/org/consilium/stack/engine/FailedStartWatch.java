package org.consilium.stack.engine;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Notices a server that failed to start. zonky waits its whole start-up time (two minutes here, for a crash
 * recovery on a loaded machine) for a server that may have exited at once, e.g. over a bad setting: a stack that
 * cannot start should say so in seconds. {@code pg_ctl start -w} writes "could not start server" to the server's log
 * (where the stack sends its output) when the server exited while starting; the starting thread is then
 * interrupted, which ends zonky's wait. Its process lives too briefly to be watched itself.
 */
final class FailedStartWatch implements AutoCloseable {

    static final String PG_CTL_FAILED = "could not start server";
    private static final long POLL_MILLIS = 200;

    private final Path log;
    private final long logStart;
    private final Thread starter;
    private final Thread watcher;
    private volatile boolean failed;
    private volatile boolean closed;

    private FailedStartWatch(Path log, Thread starter) throws IOException {
        this.log = log;
        this.logStart = Files.exists(log) ? Files.size(log) : 0;
        this.starter = starter;
        this.watcher = new Thread(this::watch, "engine-postgres-start-watch");
        this.watcher.setDaemon(true);
    }

    /** Watches the start the current thread is about to make, whose output goes to {@code log}. */
    static FailedStartWatch ofCurrentThread(Path log) throws IOException {
        FailedStartWatch watch = new FailedStartWatch(log, Thread.currentThread());
        watch.watcher.start();
        return watch;
    }

    boolean failed() {
        return failed;
    }

    private void watch() {
        while (!closed) {
            if (logSinceStart().contains(PG_CTL_FAILED)) {
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

    private String logSinceStart() {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length() - logStart;
            if (length <= 0) {
                return "";
            }
            byte[] written = new byte[(int) Math.min(length, 1 << 20)];
            file.seek(logStart);
            file.readFully(written);
            return new String(written, StandardCharsets.UTF_8);
        } catch (IOException notYet) {
            return "";
        }
    }

    @Override
    public void close() {
        closed = true;
        watcher.interrupt();
        try {
            watcher.join(POLL_MILLIS * 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
