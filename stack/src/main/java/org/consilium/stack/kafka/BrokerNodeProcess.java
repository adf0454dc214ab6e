package org.consilium.stack.kafka;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarFile;

import org.consilium.stack.StackProperties;
import org.consilium.stack.services.LeftoverProcesses;
import org.consilium.stack.services.LogTail;
import org.consilium.stack.services.RestartPolicy;

/**
 * One Kafka node's child JVM: the same command every time it is (re)started, output appended to
 * {@code <data-dir>/logs/kafka-<n>.log}, its pid under {@code <data-dir>/run} as a service's is.
 */
final class BrokerNodeProcess {

    // a node of a dev cluster holds a few dozen partitions: Kafka's own scripts give a broker 1 GB
    static final String MAX_HEAP = "256m";
    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final int nodeId;
    private final Path logDir;
    private final Path logFile;
    private final Path pidFile;
    private final ProcessBuilder builder;
    private final RestartPolicy restartPolicy = new RestartPolicy();
    // set by whoever reacts to this launch's exit first, so a crash is handled exactly once
    private final AtomicBoolean exitHandled = new AtomicBoolean();
    private volatile Process process;
    private volatile Instant startedAt;
    // where this launch's output begins in the log, which earlier launches' output precedes
    private volatile long launchOffset;

    BrokerNodeProcess(int nodeId, int nodes, StackProperties properties, String clusterId, String javaCommand,
            String classPath) {
        this.nodeId = nodeId;
        this.logDir = properties.dataPath().resolve(name(nodeId));
        this.logFile = properties.dataPath().resolve("logs").resolve(name(nodeId) + ".log");
        this.pidFile = LeftoverProcesses.pidFile(properties.dataPath(), name(nodeId));
        List<String> command = command(javaCommand, classPath, name(nodeId));
        command.addAll(List.of(String.valueOf(nodeId), String.valueOf(nodes), String.valueOf(properties.portOffset()),
                logDir.toString(), clusterId));
        this.builder = new ProcessBuilder(command)
                .directory(properties.homePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile.toFile()))
                // kept open and never written: its end tells the node that the launcher is gone (BrokerNode)
                .redirectInput(Redirect.PIPE);
    }

    static String name(int nodeId) {
        return "kafka-" + nodeId;
    }

    /**
     * Runs {@link BrokerNode} from the launcher's own class path. From {@code stack-exec.jar} that is one jar with
     * the classes nested in it, which only Spring Boot's launcher can load: its PropertiesLauncher, told the main
     * class by {@code loader.main}. From a plain class path (tests, an IDE) the class is run directly.
     */
    static List<String> command(String javaCommand, String classPath, String name) {
        List<String> command = new ArrayList<>(List.of(javaCommand,
                "-Xmx" + MAX_HEAP,
                // as the services: the serial collector and C1 only start fastest and use least memory on two cores
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError",
                "-D" + LeftoverProcesses.CHILD_PROPERTY + "=" + name,
                "-cp", classPath));
        if (isBootJar(classPath)) {
            command.add("-Dloader.main=" + BrokerNode.class.getName());
            command.add(BOOT_LAUNCHER);
        } else {
            command.add(BrokerNode.class.getName());
        }
        return command;
    }

    static boolean isBootJar(String classPath) {
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getManifest() != null && jar.getManifest().getMainAttributes().getValue("Spring-Boot-Classes") != null;
        } catch (IOException e) {
            return false;
        }
    }

    synchronized void start() throws IOException {
        Files.createDirectories(logFile.getParent());
        Files.writeString(logFile, String.format("%n===== %s started by the Consilium stack at %s =====%n",
                name(), Instant.now()), StandardCharsets.UTF_8, CREATE, APPEND);
        launchOffset = Files.size(logFile);
        Process started = builder.start();
        exitHandled.set(false);
        startedAt = Instant.now();
        process = started;
        LeftoverProcesses.remember(pidFile, started.pid());
    }

    int nodeId() {
        return nodeId;
    }

    String name() {
        return name(nodeId);
    }

    Path logDir() {
        return logDir;
    }

    Path logFile() {
        return logFile;
    }

    RestartPolicy restartPolicy() {
        return restartPolicy;
    }

    Process process() {
        return process;
    }

    Instant startedAt() {
        return startedAt;
    }

    boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** This launch is registered and unfenced: it said so in its log ({@link BrokerNode#STARTED}). */
    boolean isServing() {
        if (!isAlive()) {
            return false;
        }
        try (InputStream log = Files.newInputStream(logFile)) {
            log.skipNBytes(launchOffset);
            return new String(log.readAllBytes(), StandardCharsets.UTF_8).contains(BrokerNode.STARTED);
        } catch (IOException e) {
            return false;
        }
    }

    /** True for the first caller after a launch exited; later callers leave it alone. */
    boolean claimExit() {
        return exitHandled.compareAndSet(false, true);
    }

    /**
     * SIGTERM, a controlled shutdown. Through the handle: {@link Process#destroy()} would also close the node's
     * stdin, which it takes for the launcher's death, and it would halt in the middle of its shutdown.
     */
    void requestStop() {
        Process current = process;
        if (current != null) {
            current.toHandle().destroy();
        }
    }

    /** Waits for the exit until the deadline, then kills it. */
    void awaitStop(Instant deadline) throws InterruptedException {
        Process current = process;
        if (current == null) {
            return;
        }
        long millisLeft = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
        if (!current.waitFor(millisLeft, TimeUnit.MILLISECONDS)) {
            current.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        LeftoverProcesses.forget(pidFile);
    }

    String logTail(int lines) {
        return LogTail.of(logFile, lines);
    }
}
