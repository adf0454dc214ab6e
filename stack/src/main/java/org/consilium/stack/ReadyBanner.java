package org.consilium.stack;

import java.time.Duration;
import java.util.List;

import org.consilium.stack.engine.EngineDatabase;
import org.consilium.stack.engine.EnginePostgres;
import org.consilium.stack.services.ServiceDefinition;

/** The one block a user reads: where everything is, once everything is up. */
final class ReadyBanner {

    static final String FIRST_LINE = "Consilium is ready";

    private ReadyBanner() {
    }

    static String render(StackProperties properties, List<ServiceDefinition> services, Duration startup, Duration jvmUptime) {
        StackPorts ports = properties.ports();
        StringBuilder out = new StringBuilder();
        String rule = "=".repeat(78);
        // the first line is exactly FIRST_LINE: scripts and system tests wait for it
        out.append(FIRST_LINE).append('\n').append(rule).append('\n');
        for (ServiceDefinition service : services) {
            String base = "http://localhost:" + ports.shift(service.basePort());
            if (service.isEngine()) {
                line(out, "Camunda Cockpit", base + "/camunda/app/cockpit/default/  (sign in as ops.kim / consilium-demo)");
                line(out, "Camunda Tasklist", base + "/camunda/app/tasklist/default/  (sign in as cora.nolan / consilium-demo)");
                line(out, "Engine REST", base + "/engine-rest");
            }
            if (service.isConsole()) {
                line(out, "Console", base + "/  (coordinators: sign in as cora.nolan / consilium-demo)");
            } else if (service.isIdentityProvider()) {
                line(out, service.module(), base + "  (OIDC issuer; demo users: identity-provider/README.md)");
                line(out, "", base + "/.well-known/openid-configuration");
            } else {
                line(out, service.module(), base + "/swagger-ui.html");
            }
            line(out, "", base + "/actuator/prometheus");
            if (service.replicable() && properties.replicas() > 1) {
                line(out, "", properties.replicas() + " replicas behind this port, each on its own: "
                        + java.util.stream.IntStream.rangeClosed(1, properties.replicas())
                        .mapToObj(r -> String.valueOf(ports.replica(service.basePort(), r)))
                        .collect(java.util.stream.Collectors.joining(", ")));
            }
        }
        line(out, "Mail (HTTP API)", "http://localhost:" + ports.mailApi() + "/api/user/<email>/messages/");
        line(out, "SMTP", "localhost:" + ports.smtp());
        line(out, "Kafka", properties.brokers() == 1 ? "localhost:" + ports.kafka()
                : properties.kafkaBootstrapServers() + "  (" + properties.brokers()
                        + " brokers, each its own JVM; replication factor 3, min.insync.replicas 2)");
        line(out, "MongoDB", "mongodb://localhost:" + ports.mongo());
        line(out, "Engine database", properties.engineDatabase() == EngineDatabase.POSTGRES
                ? "PostgreSQL " + EnginePostgres.jdbcUrl(ports.enginePostgres()) + "  (user " + EnginePostgres.USER
                        + ", password in " + properties.dataPath().resolve("secrets").resolve("engine_db_password") + ")"
                : "H2 " + properties.dataPath().resolve("engine"));
        line(out, "Data dir", properties.dataPath() + "  (logs in " + properties.dataPath().resolve("logs") + ")");
        line(out, "Started in", String.format("%.1f s (JVM up for %.1f s)", seconds(startup), seconds(jvmUptime)));
        out.append("Stop with Ctrl-C (or SIGTERM): services, Kafka, MongoDB, PostgreSQL and mail stop cleanly.\n");
        return out.append(rule).toString();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("  %-22s %s\n", label, value));
    }
}
