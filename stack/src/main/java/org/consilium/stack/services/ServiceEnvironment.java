package org.consilium.stack.services;

import java.util.LinkedHashMap;
import java.util.Map;

import org.consilium.stack.StackPorts;
import org.consilium.stack.StackProperties;

/**
 * The environment variables a child service reads to find its port and the shared infrastructure.
 * The services read exactly these names, so they are the contract between the stack and every service.
 */
final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    static Map<String, String> of(ServiceDefinition service, StackProperties properties) {
        StackPorts ports = properties.ports();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(ports.shift(service.basePort())));
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + ports.kafka());
        service.mongoDatabase().ifPresent(database ->
                env.put("MONGODB_URI", "mongodb://localhost:" + ports.mongo() + "/" + database));
        env.put("SMTP_HOST", "localhost");
        env.put("SMTP_PORT", String.valueOf(ports.smtp()));
        // records-service fetches the attachments of a FHIR intake from intake-service (claim check, ADR 7)
        env.put("INTAKE_URL", "http://localhost:" + ports.shift(8081));
        if (service.isEngine()) {
            // a file database under the data dir, so process instances survive a restart of the stack
            env.put("ENGINE_DB_URL", "jdbc:h2:file:" + properties.dataPath().resolve("engine").resolve("consilium"));
        }
        return env;
    }
}
