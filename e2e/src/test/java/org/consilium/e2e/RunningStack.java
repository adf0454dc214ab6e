package org.consilium.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.consilium.stack.heap.HeapLimit;

/**
 * The whole stack as a user starts it: {@code java -jar stack/target/stack-exec.jar}, in its own
 * data directory and on shifted ports so that it never collides with a developer's own stack.
 */
final class RunningStack implements AutoCloseable {
    /**
     * 1000 unless {@code -Dconsilium.e2e.port-offset=N}: two worktrees on one machine can run their system tests at once.
     * Every port stays below the kernel's range for outgoing connections (32768 and up on Linux): a restarted service
     * or store must find its port free, and the suites open thousands of connections (stack EphemeralPorts).
     */
    static final int PORT_OFFSET = Integer.getInteger("consilium.e2e.port-offset", 1000);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    /** The first stack of a test run starts the log afresh; the stacks after it (restarts) add to it. */
    private static final java.util.concurrent.atomic.AtomicBoolean LOG_STARTED = new java.util.concurrent.atomic.AtomicBoolean();

    private final Process process;
    private final Path log;
    private final Path dataDir;

    private RunningStack(Process process, Path log, Path dataDir) {
        this.process = process;
        this.log = log;
        this.dataDir = dataDir;
    }

    static RunningStack start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /**
     * With extra environment for the stack, which passes its environment on to every service: how a test or a
     * benchmark sets what it needs (e.g. intake's {@code INTAKE_SUBMISSIONS_PER_PERIOD}) for its own stack only.
     */
    static RunningStack start(Path dataDir, Map<String, String> environment) {
        Path home = Path.of("").toAbsolutePath().getParent();
        Path jar = home.resolve("stack/target/stack-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the reactor first (mvn verify builds it)");
        }
        Path log = Path.of("target/stack.log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            // the launcher's JVM as `java -jar stack-exec.jar` relaunches itself (HeapLimit)
            List<String> command = new java.util.ArrayList<>(List.of(javaBinary()));
            command.addAll(HeapLimit.boundedJvmOptions());
            command.addAll(List.of("-jar", jar.toString(),
                    "--consilium.stack.home=" + home, "--consilium.stack.data-dir=" + dataDir,
                    "--consilium.stack.port-offset=" + PORT_OFFSET,
                    // as long as this test waits: a restart after kill -9 on a loaded machine can take minutes
                    "--consilium.stack.ready-timeout=" + START_TIMEOUT.toSeconds() + "s"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            RunningStack stack = new RunningStack(process, log, dataDir);
            stack.awaitReady();
            DemoUsers.forgetTokens();
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() throws IOException {
        CountDownLatch ready = new CountDownLatch(1);
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8, logMode()))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    file.println(line);
                    file.flush();
                    if (line.contains("Consilium is ready")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // the stack closed its output: it stopped
            }
        }, "stack-output");
        pump.setDaemon(true);
        pump.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try {
            while (!ready.await(1, TimeUnit.SECONDS)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the stack exited with " + process.exitValue() + "; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException("the stack was not ready within " + START_TIMEOUT + "; see " + log);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static java.nio.file.OpenOption[] logMode() {
        return LOG_STARTED.getAndSet(true)
                ? new java.nio.file.OpenOption[] {java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND}
                : new java.nio.file.OpenOption[0];
    }

    /** Resident memory of the launcher and every service JVM it started, in MiB (Linux /proc). */
    long residentMemoryMib() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.toHandle().descendants())
                .mapToLong(RunningStack::rssKib).sum() / 1024;
    }

    /** CPU time the launcher and every service JVM it started have spent so far, in core-seconds. */
    double cpuSeconds() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.toHandle().descendants())
                .map(handle -> handle.info().totalCpuDuration().orElse(java.time.Duration.ZERO))
                .mapToLong(java.time.Duration::toMillis).sum() / 1000.0;
    }

    /**
     * CPU time so far per part of the stack, in core-seconds: each service JVM by the name of its pid file
     * ({@code intake-service}, {@code intake-service@2}, {@code kafka-1}), the engine's PostgreSQL (the launcher's other
     * children: the postmaster and its backends), and the launcher itself (broker, MongoDB, mail server, proxies).
     */
    java.util.Map<String, Double> cpuSecondsByPart() {
        return byPart(RunningStack::cpuSeconds);
    }

    /** Resident memory now per part of the stack, in MiB, the parts as {@link #cpuSecondsByPart()} names them. */
    java.util.Map<String, Double> residentMibByPart() {
        return byPart(handle -> rssKib(handle) / 1024.0);
    }

    private java.util.Map<String, Double> byPart(java.util.function.ToDoubleFunction<ProcessHandle> measure) {
        java.util.Map<Long, String> named = new java.util.HashMap<>();
        try (java.util.stream.Stream<Path> files = Files.list(dataDir.resolve("run"))) {
            files.filter(file -> file.getFileName().toString().endsWith(".pid")).forEach(file -> {
                try {
                    String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                    named.put(Long.parseLong(Files.readString(file).strip()), name);
                } catch (IOException | NumberFormatException e) {
                    // written or removed meanwhile: the part is counted with the launcher's other children
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        java.util.Map<String, Double> parts = new java.util.TreeMap<>();
        parts.put("launcher (Kafka, MongoDB, mail)", measure.applyAsDouble(process.toHandle()));
        process.toHandle().descendants().forEach(handle -> parts.merge(
                named.getOrDefault(handle.pid(), "launcher's other children"), measure.applyAsDouble(handle), Double::sum));
        // pg_ctl starts the postmaster detached from the launcher: found by its own pid file, with its backends
        postmaster().ifPresent(postmaster -> parts.put("engine database (PostgreSQL)", measure.applyAsDouble(postmaster)
                + postmaster.descendants().mapToDouble(measure).sum()));
        return parts;
    }

    private java.util.Optional<ProcessHandle> postmaster() {
        try {
            Path pidFile = dataDir.resolve("engine-postgres").resolve("postmaster.pid");
            return Files.exists(pidFile) ? ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()))
                    : java.util.Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static double cpuSeconds(ProcessHandle handle) {
        return handle.info().totalCpuDuration().orElse(Duration.ZERO).toMillis() / 1000.0;
    }

    private static long rssKib(ProcessHandle handle) {
        try {
            return Files.readAllLines(Path.of("/proc/" + handle.pid() + "/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0);
        } catch (IOException e) {
            return 0; // the process ended meanwhile
        }
    }

    static int port(int defaultPort) {
        return defaultPort + PORT_OFFSET;
    }

    static String url(int defaultPort, String path) {
        return "http://localhost:" + port(defaultPort) + path;
    }

    /**
     * kill -9 of the stack's own process (broker, store, mail server), as a crash would: no shutdown hook runs. Its
     * service JVMs are left behind, as after a real crash; the next start on the same data directory stops them.
     */
    long pid() {
        return process.pid();
    }

    void killHard() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
