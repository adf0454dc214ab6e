package org.consilium.stack.services;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.consilium.stack.StackProperties;
import org.consilium.stack.heap.HeapSizing;

/**
 * One service's child JVM. With replicas ({@code consilium.stack.replicas}), one of these per replica: each on its
 * own port behind the service's ({@link ReplicaProxy}), with its own log and pid file ({@code intake-service@2.log});
 * replica 1 keeps the service's plain names. Back after a restart when its readiness probe answers UP.
 */
final class ServiceProcess extends ChildProcess {

    private static final ReadinessProbe PROBE = new ReadinessProbe();

    private final ServiceDefinition service;
    /** 1-based; 0 when the service runs alone on its own port. */
    private final int replica;
    private final int port;

    ServiceProcess(ServiceDefinition service, StackProperties properties, String javaCommand, Path jar) {
        this(service, 0, properties, javaCommand, jar);
    }

    ServiceProcess(ServiceDefinition service, int replica, StackProperties properties, String javaCommand, Path jar) {
        this(service, replica, properties, fileName(service, replica), builder(service, replica, properties, javaCommand, jar));
    }

    private ServiceProcess(ServiceDefinition service, int replica, StackProperties properties, String fileName,
                           ProcessBuilder builder) {
        super(builder, properties.dataPath().resolve("logs").resolve(fileName + ".log"),
                LeftoverProcesses.pidFile(properties.dataPath(), fileName), false);
        this.service = service;
        this.replica = replica;
        this.port = port(service, replica, properties);
    }

    private static String fileName(ServiceDefinition service, int replica) {
        return replica <= 1 ? service.module() : service.module() + LeftoverProcesses.REPLICA + replica;
    }

    private static int port(ServiceDefinition service, int replica, StackProperties properties) {
        return replica == 0 ? properties.ports().shift(service.basePort())
                : properties.ports().replica(service.basePort(), replica);
    }

    private static ProcessBuilder builder(ServiceDefinition service, int replica, StackProperties properties,
                                          String javaCommand, Path jar) {
        ProcessBuilder builder = new ProcessBuilder(command(javaCommand, service, jar, properties.heapSizing()))
                .directory(properties.homePath().toFile());
        builder.environment().putAll(ServiceEnvironment.of(service, properties, StackSecrets.under(properties.dataPath())));
        // a replica listens on its own port; everything it is told of the others stays their public ports
        builder.environment().put("SERVER_PORT", String.valueOf(port(service, replica, properties)));
        readableLogs(builder.environment());
        return builder;
    }

    /**
     * The stack's log files stay readable lines, whatever the shell it was started from asks of production
     * services: JSON lines (LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs) are for a log shipper (README "Observability").
     */
    static void readableLogs(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("LOGGING_STRUCTURED_FORMAT"));
    }

    /** {@code jar}: the service's jar as built, or its unpacked application jar ({@link UnpackedJars}). */
    static List<String> command(String javaCommand, ServiceDefinition service, Path jar, HeapSizing heapSizing) {
        List<String> command = new ArrayList<>(List.of(javaCommand));
        command.addAll(heapSizing.childJvmOptions(service.maxHeap()));
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    ServiceDefinition service() {
        return service;
    }

    String name() {
        return service.module();
    }

    @Override
    public String label() {
        return replica == 0 ? service.module() : service.module() + " (replica " + replica + ")";
    }

    int replica() {
        return replica;
    }

    int port() {
        return port;
    }

    @Override
    protected boolean isBack() {
        return PROBE.isReady(port);
    }

    @Override
    protected String backAgain() {
        return "is ready again";
    }
}
