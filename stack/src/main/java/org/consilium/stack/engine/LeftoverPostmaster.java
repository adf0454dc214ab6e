package org.consilium.stack.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server a launcher killed with SIGKILL left running. pg_ctl starts the server as a daemon, so it
 * outlives its launcher, keeps its port and {@code postmaster.pid}, and a new server on the same data directory
 * would be refused. It is stopped, not reused (ADR 25): the new launcher then runs the server with its own settings
 * and owns its life. Only call this while holding the stack's data dir lock: that proves its launcher is dead.
 */
final class LeftoverPostmaster {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);

    private LeftoverPostmaster() {
    }

    /**
     * SIGTERM first: PostgreSQL's smart shutdown, which waits for its sessions to end (the old engine's JVMs were
     * killed before this) and writes a checkpoint. If it is not gone within {@code patience}, SIGKILL to it and its
     * children: nothing committed is lost even then (fsync and synchronous commit: the next start replays the WAL).
     */
    static void stop(Path dataDirectory, Duration patience) throws IOException {
        Optional<ProcessHandle> found = find(dataDirectory);
        if (found.isEmpty()) {
            return; // none, or a stale pid file: PostgreSQL removes that itself when it starts
        }
        ProcessHandle postmaster = found.get();
        log.warn("PostgreSQL (pid {}) is still running on {} from a launcher that did not shut down; stopping it",
                postmaster.pid(), dataDirectory);
        List<ProcessHandle> children = postmaster.descendants().toList();
        postmaster.destroy();
        if (!exited(postmaster, patience)) {
            log.warn("PostgreSQL (pid {}) did not shut down within {} s; killing it (its WAL is replayed at the next "
                    + "start, nothing committed is lost)", postmaster.pid(), patience.toSeconds());
            postmaster.destroyForcibly();
            exited(postmaster, patience);
        }
        // a backend that outlives its postmaster keeps the shared memory, and the next server refuses to start
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        children.forEach(child -> exited(child, patience));
        if (postmaster.isAlive()) {
            throw new IOException("PostgreSQL (pid " + postmaster.pid() + ") on " + dataDirectory
                    + " is still running after SIGKILL");
        }
    }

    /** The server whose pid is in the data directory's {@code postmaster.pid}, if it is alive and runs on it. */
    static Optional<ProcessHandle> find(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid;
        try {
            pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException torn) {
            return Optional.empty(); // written half when its server died: no server to stop
        }
        // pids are reused: only a live postgres process started on this very directory is that server
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine()
                        .filter(line -> line.contains("postgres") && line.contains(dataDirectory.toString()))
                        .isPresent());
    }

    private static boolean exited(ProcessHandle process, Duration patience) {
        try {
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception notYet) {
            return !process.isAlive();
        }
    }
}
