package org.consilium.stack.services;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.consilium.stack.StackProperties;

/**
 * One service's child JVM: the same command every time it is (re)started, output appended to its log. With replicas
 * ({@code consilium.stack.replicas}), one of these per replica: each on its own port behind the service's
 * ({@link ReplicaProxy}), with its own log and pid file ({@code intake-service@2.log}); replica 1 keeps the service's
 * plain names.
 */
final class ServiceProcess {

    private final ServiceDefinition service;
    /** 1-based; 0 when the service runs alone on its own port. */
    private final int replica;
    private final int port;
    private final ProcessBuilder builder;
    private final Path logFile;
    private final Path pidFile;
    private final RestartPolicy restartPolicy = new RestartPolicy();
    private volatile Process process;
    private volatile Instant startedAt;
    // set by whoever reacts to this launch's exit first, so a crash is handled exactly once
    private final AtomicBoolean exitHandled = new AtomicBoolean();

    ServiceProcess(ServiceDefinition service, StackProperties properties, String javaCommand, Path jar) {
        this(service, 0, properties, javaCommand, jar);
    }

    ServiceProcess(ServiceDefinition service, int replica, StackProperties properties, String javaCommand, Path jar) {
        this.service = service;
        this.replica = replica;
        this.port = replica == 0 ? properties.ports().shift(service.basePort())
                : properties.ports().replica(service.basePort(), replica);
        String fileName = replica <= 1 ? service.module() : service.module() + LeftoverProcesses.REPLICA + replica;
        this.logFile = properties.dataPath().resolve("logs").resolve(fileName + ".log");
        this.pidFile = LeftoverProcesses.pidFile(properties.dataPath(), fileName);
        this.builder = new ProcessBuilder(command(javaCommand, service, jar))
                .directory(properties.homePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile.toFile()))
                .redirectInput(Redirect.PIPE);
        builder.environment().putAll(ServiceEnvironment.of(service, properties, StackSecrets.under(properties.dataPath())));
        // a replica listens on its own port; everything it is told of the others stays their public ports
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        readableLogs(builder.environment());
    }

    /**
     * The stack's log files stay readable lines, whatever the shell it was started from asks of production
     * services: JSON lines (LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs) are for a log shipper (README "Observability").
     */
    static void readableLogs(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("LOGGING_STRUCTURED_FORMAT"));
    }

    /** {@code jar}: the service's jar as built, or its unpacked application jar ({@link UnpackedJars}). */
    static List<String> command(String javaCommand, ServiceDefinition service, Path jar) {
        return List.of(javaCommand,
                "-Xmx" + service.maxHeap(),
                // small heaps on a small machine: the serial collector and C1 only start fastest and use least memory
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                // a JVM that ran out of memory is better dead (and restarted by the supervisor) than limping
                "-XX:+ExitOnOutOfMemoryError",
                "-jar", jar.toString());
    }

    synchronized void start() throws IOException {
        Files.createDirectories(logFile.getParent());
        Files.writeString(logFile, String.format("%n===== %s started by the Consilium stack at %s =====%n",
                label(), Instant.now()), StandardCharsets.UTF_8, CREATE, APPEND);
        Process started = builder.start();
        started.getOutputStream().close();
        exitHandled.set(false);
        startedAt = Instant.now();
        process = started;
        LeftoverProcesses.remember(pidFile, started.pid());
    }

    ServiceDefinition service() {
        return service;
    }

    String name() {
        return service.module();
    }

    /** The service, and which replica when there are several: for people reading the stack's log. */
    String label() {
        return replica == 0 ? service.module() : service.module() + " (replica " + replica + ")";
    }

    int replica() {
        return replica;
    }

    int port() {
        return port;
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

    /** True for the first caller after a launch exited; later callers leave it alone. */
    boolean claimExit() {
        return exitHandled.compareAndSet(false, true);
    }

    /** Asks politely (SIGTERM): Spring Boot services then shut down gracefully. */
    void requestStop() {
        Process current = process;
        if (current != null) {
            current.destroy();
        }
    }

    /** Waits for the exit until the deadline, then kills it and anything it started. */
    void awaitStop(Instant deadline) throws InterruptedException {
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
    void kill() {
        Process current = process;
        if (current != null) {
            current.descendants().forEach(ProcessHandle::destroyForcibly);
            current.destroyForcibly();
        }
        LeftoverProcesses.forget(pidFile);
    }

    /** The end of the log, to show why a service would not start without sending the user hunting. */
    String logTail(int lines) {
        return LogTail.of(logFile, lines);
    }
}
