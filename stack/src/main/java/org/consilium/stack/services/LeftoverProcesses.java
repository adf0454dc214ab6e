package org.consilium.stack.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pid files under {@code <data-dir>/run}. A launcher killed with SIGKILL cannot stop its children, which
 * would then hold the service ports; the next launcher on the same data dir finds and stops them.
 */
public final class LeftoverProcesses {

    private static final Logger log = LoggerFactory.getLogger(LeftoverProcesses.class);

    private LeftoverProcesses() {
    }

    static Path pidFile(Path dataDir, String module) {
        return dataDir.resolve("run").resolve(module + ".pid");
    }

    static void remember(Path pidFile, long pid) throws IOException {
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, Long.toString(pid));
    }

    static void forget(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            log.debug("Could not delete {}", pidFile, e);
        }
    }

    /**
     * Kills every service a previous launcher on this data dir left running. Only call this while holding the
     * data dir's lock: that is what proves the launcher that started them is gone.
     */
    public static void stopAll(Path dataDir) throws IOException {
        Path runDir = dataDir.resolve("run");
        if (!Files.isDirectory(runDir)) {
            return;
        }
        List<Path> pidFiles;
        try (Stream<Path> files = Files.list(runDir)) {
            pidFiles = files.filter(file -> file.toString().endsWith(".pid")).toList();
        }
        for (Path pidFile : pidFiles) {
            String module = pidFile.getFileName().toString().replaceFirst("\\.pid$", "");
            leftover(pidFile, module).ifPresent(process -> stop(process, module));
            forget(pidFile);
        }
    }

    private static Optional<ProcessHandle> leftover(Path pidFile, String module) throws IOException {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            // pids are reused: only a live process running this module's jar is ours
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().commandLine().orElse("").contains(module + "-exec.jar"));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void stop(ProcessHandle process, String module) {
        log.warn("{} (pid {}) is still running from a previous launcher that did not shut down; killing it",
                module, process.pid());
        // no graceful stop: its Kafka and MongoDB died with that launcher, so a graceful shutdown only hangs
        process.destroyForcibly();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception notGoneInTime) {
            log.warn("{} (pid {}) did not exit after SIGKILL", module, process.pid());
        }
    }
}
