package org.consilium.stack.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Marks a child that is not a service's jar (a Kafka node runs from the stack's own jar): its command line
     * carries {@code -Dconsilium.stack.child=<name>}, which is how a leftover one is told from a reused pid.
     */
    public static final String CHILD_PROPERTY = "consilium.stack.child";

    private LeftoverProcesses() {
    }

    /** Between a module and its replica's number in the names of its pid and log files: {@code bpmn@2.pid}. */
    static final String REPLICA = "@";

    public static Path pidFile(Path dataDir, String module) {
        return dataDir.resolve("run").resolve(module + ".pid");
    }

    public static void remember(Path pidFile, long pid) throws IOException {
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, Long.toString(pid));
    }

    public static void forget(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            log.debug("Could not delete {}", pidFile, e);
        }
    }

    /**
     * Kills every service a previous launcher on this data dir left running. Only call this while holding the
     * data dir's lock: that is what proves the launcher that started them is gone.
     * <p>
     * All get SIGKILL first and are then waited for together, under one deadline: one by one, each wait
     * (the JDK polls a process that is not its child about every 300 ms, and a dying JVM under load takes a
     * while to unmap its heap) added ~2 s per service to every restart after a crash (issue 12).
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
        Map<String, ProcessHandle> killed = new LinkedHashMap<>();
        for (Path pidFile : pidFiles) {
            // bpmn@2.pid: the second replica of bpmn, running bpmn's jar
            String name = pidFile.getFileName().toString().replaceFirst("\\.pid$", "");
            leftover(pidFile, name.split(REPLICA)[0]).ifPresent(process -> killed.put(name, kill(process, name)));
        }
        awaitExits(killed, Instant.now().plus(EXIT_TIMEOUT));
        pidFiles.forEach(LeftoverProcesses::forget);
    }

    private static Optional<ProcessHandle> leftover(Path pidFile, String module) throws IOException {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            // pids are reused: only a live process running this module's jar (or marked as this child) is ours
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> isOurs(process.info().commandLine().orElse(""), module));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean isOurs(String commandLine, String module) {
        return commandLine.contains(module + "-exec.jar")
                || (" " + commandLine + " ").contains(" -D" + CHILD_PROPERTY + "=" + module + " ");
    }

    private static ProcessHandle kill(ProcessHandle process, String module) {
        log.warn("{} (pid {}) is still running from a previous launcher that did not shut down; killing it",
                module, process.pid());
        // no graceful stop: its Kafka and MongoDB died with that launcher, so a graceful shutdown only hangs
        process.destroyForcibly();
        return process;
    }

    /** Their ports must be free before the new services start, so the wait stays; it is only shared. */
    private static void awaitExits(Map<String, ProcessHandle> killed, Instant deadline) {
        killed.forEach((module, process) -> {
            try {
                long millisLeft = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
                process.onExit().get(millisLeft, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception notGoneInTime) {
                log.warn("{} (pid {}) did not exit after SIGKILL", module, process.pid());
            }
        });
    }
}
