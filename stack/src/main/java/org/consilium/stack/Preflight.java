package org.consilium.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.consilium.stack.engine.EngineDatabase;
import org.consilium.stack.services.ServiceDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks made before anything starts, so a missing jar or a busy port is reported in one sentence
 * instead of as a half-started stack and a bind exception deep inside Kafka.
 */
final class Preflight {

    private static final Duration PORT_GRACE = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(Preflight.class);

    private Preflight() {
    }

    static void check(StackProperties properties, List<ServiceDefinition> services) {
        List<String> missing = services.stream()
                .map(service -> service.jar(properties.homePath()))
                .filter(jar -> !jar.toFile().isFile())
                .map(Object::toString)
                .toList();
        if (!missing.isEmpty()) {
            throw new StackStartupException("Service jar(s) not found: " + missing,
                    "Build them first (mvn -B package -DskipTests from the repository root), run from the repository "
                            + "root or set --consilium.stack.home, or start only some services with "
                            + "--consilium.stack.services=... (empty for infrastructure only)");
        }
        Map<String, Integer> ports = ports(properties, services);
        EphemeralPorts.ofThisMachine().ifPresent(range -> warnOfEphemeral(range, ports));
        List<String> busy = busyPortsAfterGrace(ports);
        if (!busy.isEmpty()) {
            throw new StackStartupException("Port(s) already in use: " + busy,
                    "Stop whatever holds them (another Consilium stack?), or run this one beside it with "
                            + "--consilium.stack.port-offset=1000");
        }
    }

    /** Not refused: it usually works, and a developer may have chosen it; but a restart can fail, so say why. */
    private static void warnOfEphemeral(EphemeralPorts range, Map<String, Integer> ports) {
        String within = range.within(ports);
        if (!within.isEmpty()) {
            log.warn("Port(s) {} lie in this machine's range for outgoing connections ({}-{}): an outgoing connection "
                    + "may hold one when a service restarts, and that service then cannot come back. A port offset "
                    + "that keeps every port below {} avoids it (the defaults end at MongoDB's 27017).",
                    within, range.first(), range.last(), range.first());
        }
    }

    private static Map<String, Integer> ports(StackProperties properties, List<ServiceDefinition> services) {
        StackPorts ports = properties.ports();
        Map<String, Integer> all = new LinkedHashMap<>();
        all.put("Kafka", ports.kafka());
        all.put("Kafka controller", ports.kafkaController());
        for (int node = 2; node <= properties.brokers(); node++) {
            all.put("Kafka node " + node, ports.kafka(node));
            all.put("Kafka node " + node + " controller", ports.kafkaController(node));
        }
        all.put("MongoDB", ports.mongo());
        all.put("SMTP", ports.smtp());
        all.put("mail API", ports.mailApi());
        if (properties.engineDatabase() == EngineDatabase.POSTGRES) {
            all.put("engine PostgreSQL", ports.enginePostgres());
        }
        services.forEach(service -> all.put(service.module(), ports.shift(service.basePort())));
        return all;
    }

    /**
     * A launcher killed with SIGKILL gives up the data dir's lock as soon as the kernel closes its files, but a
     * process that big (broker, store, mail) can take a few more seconds to release its sockets on a loaded
     * machine: a restart right after a crash found the Kafka port still bound, once for more than 10 s (load
     * average 30 on two cores, the dying JVM's threads waiting for the disk). Only what stays busy is refused.
     */
    private static List<String> busyPortsAfterGrace(Map<String, Integer> ports) {
        return JustKilledGrace.retry(PORT_GRACE, () -> busyPorts(ports), List::isEmpty, log, "Port(s) still in use");
    }

    private static List<String> busyPorts(Map<String, Integer> ports) {
        List<String> busy = new ArrayList<>();
        ports.forEach((name, port) -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                busy.add(port + " (" + name + ")");
            }
        });
        return busy;
    }
}
