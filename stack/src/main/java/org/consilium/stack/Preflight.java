package org.consilium.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.consilium.stack.services.ServiceDefinition;

/**
 * Checks made before anything starts, so a missing jar or a busy port is reported in one sentence
 * instead of as a half-started stack and a bind exception deep inside Kafka.
 */
final class Preflight {

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
        List<String> busy = busyPorts(ports(properties, services));
        if (!busy.isEmpty()) {
            throw new StackStartupException("Port(s) already in use: " + busy,
                    "Stop whatever holds them (another Consilium stack?), or run this one beside it with "
                            + "--consilium.stack.port-offset=10000");
        }
    }

    private static Map<String, Integer> ports(StackProperties properties, List<ServiceDefinition> services) {
        StackPorts ports = properties.ports();
        Map<String, Integer> all = new LinkedHashMap<>();
        all.put("Kafka", ports.kafka());
        all.put("Kafka controller", ports.kafkaController());
        all.put("MongoDB", ports.mongo());
        all.put("SMTP", ports.smtp());
        all.put("mail API", ports.mailApi());
        services.forEach(service -> all.put(service.module(), ports.shift(service.basePort())));
        return all;
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
