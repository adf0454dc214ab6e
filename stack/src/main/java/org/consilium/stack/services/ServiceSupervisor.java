package org.consilium.stack.services;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.consilium.stack.StackProperties;
import org.consilium.stack.StackStartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs every service as its own JVM: starts them all at once, and once they were ready restarts any that dies
 * (with back-off and a cap). Stopping asks all of them at the same time, then kills the ones that linger.
 */
@Component
public class ServiceSupervisor {

    private static final Logger log = LoggerFactory.getLogger(ServiceSupervisor.class);

    private final StackProperties properties;
    private final ReadinessProbe probe = new ReadinessProbe();
    private final UnpackedJars unpackedJars = new UnpackedJars(javaCommand());
    // in catalog order (importance); written only while launching, read from the supervisor's threads
    private final List<ServiceProcess> children = new CopyOnWriteArrayList<>();
    private final List<ReplicaProxy> proxies = new CopyOnWriteArrayList<>();
    /** The second and later replicas, started once the first ones are ready. */
    private final List<ServiceProcess> laterReplicas = new CopyOnWriteArrayList<>();
    private final ChildSupervision supervision;

    public ServiceSupervisor(StackProperties properties) {
        this.properties = properties;
        this.supervision = new ChildSupervision("service-supervisor", properties.readyTimeout(),
                child -> "Check that " + ((ServiceProcess) child).service().jar(properties.homePath())
                        + " exists and java can run it");
    }

    /**
     * Unpacks the services' jars that were not yet unpacked for this build (see {@link UnpackedJars}); the stack does
     * it while its broker and store start, so only a first start after a build pays for it.
     */
    public void unpackJars(List<ServiceDefinition> services) {
        if (!properties.unpackJars()) {
            log.info("Running the services' jars as built (consilium.stack.unpack-jars=false)");
            return;
        }
        unpackedJars.prepare(services.stream().filter(ServiceDefinition::unpackable)
                .map(service -> service.jar(properties.homePath())).toList());
    }

    /**
     * Launches all of them without waiting: on two cores their start-ups overlap well enough. With
     * {@code consilium.stack.replicas} above one, each replicable service runs that many JVMs behind a
     * {@link ReplicaProxy} on its own port; only the first replica of each starts now, the others once the first
     * ones are ready ({@link #awaitReady}): a first start makes what every replica then shares (the engine's schema,
     * a service's data keyset), which two JVMs must not both make at once.
     */
    public synchronized void startAll(List<ServiceDefinition> services) {
        String java = javaCommand();
        for (ServiceDefinition service : services) {
            List<ServiceProcess> processes = processesOf(service, properties, java,
                    unpackedJars.launchable(service.jar(properties.homePath())));
            if (!start(processes.get(0))) {
                return;
            }
            laterReplicas.addAll(processes.subList(1, processes.size()));
            if (processes.size() > 1) {
                proxy(service, processes);
            }
        }
    }

    /** The JVMs a service runs as: one on its own port, or its replicas (first one first) on theirs. */
    static List<ServiceProcess> processesOf(ServiceDefinition service, StackProperties properties, String java,
                                            Path jar) {
        int replicas = service.replicable() ? properties.replicas() : 1;
        if (replicas == 1) {
            return List.of(new ServiceProcess(service, properties, java, jar));
        }
        return IntStream.rangeClosed(1, replicas)
                .mapToObj(replica -> new ServiceProcess(service, replica, properties, java, jar)).toList();
    }

    /** Returns false, starting nothing, when the stack is being stopped. */
    private synchronized boolean start(ServiceProcess child) {
        if (!supervision.launch(child)) {
            return false;
        }
        children.add(child);
        log.info("Started {} (pid {}) on port {}; log: {}",
                child.label(), child.process().pid(), child.port(), relative(child.logFile()));
        return true;
    }

    private void proxy(ServiceDefinition service, List<ServiceProcess> replicas) {
        int port = properties.ports().shift(service.basePort());
        try {
            proxies.add(ReplicaProxy.start(service.module(), port, replicas.stream().map(ServiceProcess::port).toList()));
        } catch (IOException e) {
            throw new StackStartupException("Could not listen on port " + port + " for the replicas of "
                    + service.module() + ": " + e.getMessage(), "Free port " + port
                    + " or start the stack with another --consilium.stack.port-offset", e);
        }
    }

    /**
     * Blocks until every service reports ready. A service that exits or is not ready in time fails the start.
     * Returns false only when the stack is being stopped meanwhile.
     */
    public boolean awaitReady(Duration timeout) {
        if (!awaitReadyOf(List.copyOf(children), timeout)) {
            return false;
        }
        if (!laterReplicas.isEmpty()) {
            List<ServiceProcess> later = List.copyOf(laterReplicas);
            log.info("Starting the other replicas: {}", laterReplicas.stream().map(ServiceProcess::label).toList());
            laterReplicas.clear();
            for (ServiceProcess replica : later) {
                if (!start(replica)) {
                    return false;
                }
            }
            if (!awaitReadyOf(later, timeout)) {
                return false;
            }
        }
        supervision.superviseFromNow(children);
        return true;
    }

    private boolean awaitReadyOf(List<ServiceProcess> starting, Duration timeout) {
        ReadinessWait wait = new ReadinessWait(probe, starting, timeout);
        while (!wait.done()) {
            if (isStopping()) {
                return false;
            }
            wait.poll().filter(dead -> !isStopping()).ifPresent(dead -> {
                throw new StackStartupException(dead.label() + " exited with code " + dead.process().exitValue()
                        + " during start-up. The end of its log (" + dead.logFile() + "):" + System.lineSeparator()
                        + dead.logTail(25),
                        "Read " + dead.logFile() + " for the cause; the jar is " + dead.service().jar(properties.homePath()));
            });
            if (wait.timedOut()) {
                throw new StackStartupException(wait.pendingNames() + " not ready within " + timeout.toSeconds() + " s",
                        "Look at their logs under " + properties.dataPath().resolve("logs")
                                + ", or allow more time with --consilium.stack.ready-timeout=300s");
            }
            pause(Duration.ofMillis(500));
        }
        return true;
    }

    public Optional<Long> pid(String module) {
        return children.stream().filter(child -> child.name().equals(module)).findFirst()
                .filter(ServiceProcess::isAlive).map(child -> child.process().pid());
    }

    /** SIGTERM to all at once, wait up to the stop timeout, then SIGKILL whatever is left. */
    public void stopAll() {
        synchronized (this) {
            // under the lock of start: a child launched is in children before this, or never launched
            supervision.stop();
        }
        List<ServiceProcess> alive = children.stream().filter(ServiceProcess::isAlive).toList();
        if (!alive.isEmpty()) {
            log.info("Stopping {}", alive.stream().map(ServiceProcess::label).toList());
        }
        alive.forEach(ServiceProcess::requestStop);
        Instant deadline = Instant.now().plus(properties.stopTimeout());
        for (ServiceProcess child : children) {
            try {
                child.awaitStop(deadline);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                child.kill();
            }
        }
        proxies.forEach(ReplicaProxy::close);
    }

    private boolean isStopping() {
        return supervision.isStopping();
    }

    private String relative(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        return file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
    }

    /** The launcher's own java binary, so the services run on the same JDK. */
    static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartupException("Interrupted while waiting for the services", "Start the stack again", e);
        }
    }
}
