package org.consilium.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * The faults of the suite, one after another while cases are in flight: kill -9 of each service JVM (the stack
 * restarts it); the stack's own process frozen (SIGSTOP, then SIGCONT), so the store, the broker and the mail server
 * stop answering for a while without closing a connection, as a stalled host or a store fail-over looks to the
 * services; then kill -9 of the stack's process, which takes the broker, the store and the mail server with it, and a
 * restart on the same data directory, as a user would after a crash. Each fault is recorded with the
 * number of cases in flight and how long the stack took to answer again.
 */
final class StackFaults {
    /** A service JVM of the stack and its default port. */
    private record Service(String module, int port) {
    }

    /** In the order they are killed: the one holding uploads first, the provider that signs everyone in last. */
    private static final List<Service> SERVICES = List.of(new Service("records-service", 8082),
            new Service("intake-service", 8081), new Service("bpmn", 8080), new Service("mdt-scheduler", 8083),
            new Service("notification-service", 8084), new Service("identity-provider", 9000));

    /** One fault: what was done, how many cases were in flight, and seconds until everything answered again. */
    record Fault(int round, String fault, int casesInFlight, double secondsToRecover) {
        @Override
        public String toString() {
            return "round %d: %s with %d cases in flight, answering again after %.1f s"
                    .formatted(round, fault, casesInFlight, secondsToRecover);
        }
    }

    /** The stack's replicas listen on the service's port + 20, + 40 (StackPorts). */
    private static final int REPLICA_STEP = 20;

    private final Path dataDir;
    private final Map<String, String> environment;
    private final AtomicReference<RunningStack> stack;
    private final MailWatch mail;
    private final IntSupplier casesInFlight;
    private final List<Fault> faults = new java.util.concurrent.CopyOnWriteArrayList<>();

    StackFaults(Path dataDir, Map<String, String> environment, RunningStack first, MailWatch mail, IntSupplier casesInFlight) {
        this.dataDir = dataDir;
        this.environment = environment;
        this.stack = new AtomicReference<>(first);
        this.mail = mail;
        this.casesInFlight = casesInFlight;
    }

    /** {@code rounds} times: each service, the stack's process frozen for {@code freeze}, then killed; {@code pause} apart. */
    void run(int rounds, Duration pause, Duration freeze) {
        for (int round = 1; round <= rounds; round++) {
            for (Service service : SERVICES) {
                sleep(pause);
                killService(round, service.module(), service.port());
            }
            sleep(pause);
            freezeStack(round, freeze);
            sleep(pause);
            killStack(round);
        }
    }

    /**
     * With every replicable service running as replicas (the stack's {@code --consilium.stack.replicas}): kill -9 of
     * replica {@code replica} of each in turn, {@code pause} apart, each waited for until the stack restarted it,
     * while its other replica answers on the service's port.
     */
    void killReplicas(int replica, Duration pause) {
        for (Service service : SERVICES) {
            if (service.module().equals("identity-provider")) {
                continue; // a single instance (its sessions are in memory); killed in the fault suite's rounds
            }
            sleep(pause);
            killService(1, service.module() + "@" + replica, service.port() + REPLICA_STEP * replica);
        }
    }

    /**
     * With Kafka as a three-node cluster (the stack's {@code --consilium.stack.brokers=3}): kill -9 of node
     * {@code node}, waited for until the stack restarted it and it takes connections again, while the other two
     * keep every topic writable (replication factor 3, {@code min.insync.replicas} 2).
     */
    void killBroker(int node, Duration pause) {
        sleep(pause);
        // node 1 on the broker's own port (9092), node n on 9092 + 2 (n - 1) (StackPorts.kafka(node))
        killProcess(1, "kafka-" + node, () -> acceptsConnections(RunningStack.port(9092 + 2 * (node - 1))));
    }

    List<Fault> faults() {
        return new ArrayList<>(faults);
    }

    /** The stack running now (a new one after each kill of the stack's process), for the test to stop at the end. */
    RunningStack current() {
        return stack.get();
    }

    private void killService(int round, String module, int port) {
        killProcess(round, module, () -> isReady(port));
    }

    /** kill -9 of the stack's child {@code name} (its pid file), then waits until {@code back} holds. */
    private void killProcess(int round, String name, java.util.function.BooleanSupplier back) {
        int inFlight = casesInFlight.getAsInt();
        long pid;
        try {
            pid = Long.parseLong(Files.readString(dataDir.resolve("run/" + name + ".pid")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("no pid file of " + name, e);
        }
        long killedAt = System.nanoTime();
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().join();
        });
        awaitBack(name, back);
        faults.add(new Fault(round, "kill -9 " + name, inFlight, (System.nanoTime() - killedAt) / 1e9));
    }

    private void freezeStack(int round, Duration freeze) {
        int inFlight = casesInFlight.getAsInt();
        long frozenAt = System.nanoTime();
        long pid = stack.get().pid();
        signal("STOP", pid);
        try {
            sleep(freeze);
        } finally {
            signal("CONT", pid);
        }
        for (Service service : SERVICES) {
            awaitBack(service.module(), () -> isReady(service.port()));
        }
        faults.add(new Fault(round, "the stack's process frozen for " + freeze.toSeconds() + " s (store, broker, mail)",
                inFlight, (System.nanoTime() - frozenAt) / 1e9));
    }

    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void killStack(int round) {
        int inFlight = casesInFlight.getAsInt();
        long killedAt = System.nanoTime();
        stack.get().killHard();
        mail.serverReplaced();
        stack.set(RunningStack.start(dataDir, environment));
        faults.add(new Fault(round, "kill -9 the stack's process (broker, store, mail)", inFlight, (System.nanoTime() - killedAt) / 1e9));
    }

    private static void awaitBack(String name, java.util.function.BooleanSupplier back) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (back.getAsBoolean()) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new AssertionError(name + " was not restarted by the stack within 5 minutes");
    }

    private static boolean isReady(int port) {
        try {
            return Http.anonymousGet(RunningStack.url(port, "/actuator/health/readiness")).status() == 200;
        } catch (RuntimeException notYet) {
            return false; // still starting
        }
    }

    private static boolean acceptsConnections(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
