package org.consilium.stack.services;

import java.util.LinkedHashMap;
import java.util.Map;

import org.consilium.stack.StackPorts;
import org.consilium.stack.StackProperties;
import org.consilium.stack.engine.EngineDatabase;
import org.consilium.stack.engine.EnginePostgres;

/**
 * The environment variables a child service reads to find its port and the shared infrastructure.
 * The services read exactly these names, so they are the contract between the stack and every service.
 */
final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    static Map<String, String> of(ServiceDefinition service, StackProperties properties, StackSecrets secrets) {
        StackPorts ports = properties.ports();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(ports.shift(service.basePort())));
        if (service.isIdentityProvider()) {
            env.put(StackSecrets.SERVICES_CLIENT_SECRET, secrets.get(StackSecrets.SERVICES_CLIENT_SECRET));
            env.put(StackSecrets.CAMUNDA_CLIENT_SECRET, secrets.get(StackSecrets.CAMUNDA_CLIENT_SECRET));
            env.put(StackSecrets.CONSOLE_CLIENT_SECRET, secrets.get(StackSecrets.CONSOLE_CLIENT_SECRET));
            env.put("ISSUER_URI", ServiceCatalog.issuerUri(ports));
            // its Swagger UI redirect URIs are on the services' shifted ports
            env.put("PORT_OFFSET", String.valueOf(properties.portOffset()));
            // a key kept under the data dir, so tokens issued before a restart of the stack still verify after it
            env.put("SIGNING_KEY_FILE", properties.dataPath().resolve("identity").resolve("signing-key.json").toString());
            return env;
        }
        if (service.isConsole()) {
            // it signs people in at the provider and calls the services with their tokens (ADR 16)
            env.put("CONSILIUM_ISSUER_URI", ServiceCatalog.issuerUri(ports));
            env.put(StackSecrets.CONSOLE_CLIENT_SECRET, secrets.get(StackSecrets.CONSOLE_CLIENT_SECRET));
            env.put(StackSecrets.CONSOLE_NAME_SEARCH_KEY, secrets.get(StackSecrets.CONSOLE_NAME_SEARCH_KEY));
            env.put("ENGINE_URL", ServiceCatalog.localUrl("bpmn", ports));
            env.put("INTAKE_URL", ServiceCatalog.localUrl("intake-service", ports));
            env.put("RECORDS_URL", ServiceCatalog.localUrl("records-service", ports));
            env.put("MDT_URL", ServiceCatalog.localUrl("mdt-scheduler", ports));
            env.put("NOTIFICATION_URL", ServiceCatalog.localUrl("notification-service", ports));
            // the worklist's read model (ADR 18): the topics in, a database of its own out; nothing sealed, no keyset
            env.put("KAFKA_BOOTSTRAP_SERVERS", properties.kafkaBootstrapServers());
            service.mongoDatabase().ifPresent(database ->
                    env.put("MONGODB_URI", "mongodb://localhost:" + ports.mongo() + "/" + database));
            return env;
        }
        // every node of a three-broker cluster (ADR 29): a service (re)started while one is down still connects
        env.put("KAFKA_BOOTSTRAP_SERVERS", properties.kafkaBootstrapServers());
        service.mongoDatabase().ifPresent(database -> {
            env.put("MONGODB_URI", "mongodb://localhost:" + ports.mongo() + "/" + database);
            // its own keyset for the personal fields it stores (issue 6), made at its first start, kept with the data
            env.put("CONSILIUM_DATA_KEYSET_FILE", properties.dataPath().resolve("secrets")
                    .resolve(service.module() + "-data-keyset.json").toString());
            env.put("CONSILIUM_DATA_KEYSET_CREATE", "true");
        });
        env.put("SMTP_HOST", "localhost");
        env.put("SMTP_PORT", String.valueOf(ports.smtp()));
        // records-service fetches the attachments of a FHIR intake from intake-service (claim check, ADR 7)
        env.put("INTAKE_URL", ServiceCatalog.localUrl("intake-service", ports));
        // whose tokens to trust (issue 6); the services read it once their APIs require a bearer token (ADR 9)
        env.put("CONSILIUM_ISSUER_URI", ServiceCatalog.issuerUri(ports));
        // only the services that use a secret get it
        switch (service.module()) {
            case "records-service" -> {
                env.put(StackSecrets.SERVICES_CLIENT_SECRET, secrets.get(StackSecrets.SERVICES_CLIENT_SECRET));
                env.put(StackSecrets.RECORDS_LINK_SECRET, secrets.get(StackSecrets.RECORDS_LINK_SECRET));
                // an upload link opens the console's page for the doctor, on the console's shifted port
                env.put("RECORDS_UPLOAD_PAGE_URL", ServiceCatalog.localUrl("console", ports) + "/upload");
            }
            case "mdt-scheduler" -> {
                // it signs guest specialists' links, whose mailed address must reach it on its shifted port
                env.put(StackSecrets.MDT_LINK_SECRET, secrets.get(StackSecrets.MDT_LINK_SECRET));
                env.put("MDT_PUBLIC_URL", ServiceCatalog.localUrl("mdt-scheduler", ports));
            }
            case "bpmn" -> env.put(StackSecrets.CAMUNDA_CLIENT_SECRET, secrets.get(StackSecrets.CAMUNDA_CLIENT_SECRET));
            default -> {
            }
        }
        if (service.isEngine()) {
            env.putAll(engineDatabase(properties, secrets));
        }
        return env;
    }

    /**
     * The engine's database, under the data dir so process instances survive a restart of the stack: the stack's
     * PostgreSQL (ADR 25), logged in as the role that owns the engine's database, or the H2 file when asked for.
     */
    private static Map<String, String> engineDatabase(StackProperties properties, StackSecrets secrets) {
        if (properties.engineDatabase() == EngineDatabase.H2) {
            return Map.of("ENGINE_DB_URL", engineDatabaseUrl(properties.dataPath()));
        }
        return Map.of("ENGINE_DB_URL", EnginePostgres.jdbcUrl(properties.ports().enginePostgres()),
                "ENGINE_DB_USER", EnginePostgres.USER,
                "ENGINE_DB_PASSWORD", secrets.get(StackSecrets.ENGINE_DB_PASSWORD));
    }

    /**
     * The engine's H2 file under the data dir (only with {@code --consilium.stack.engine-database=h2}). {@code WRITE_DELAY=0}: H2 writes committed transactions to its file
     * about once a second by default, so kill -9 of bpmn lost the last second of what the engine had acknowledged
     * (the fault suite found a completed task open again, while the command its completion sent had gone out);
     * with no delay each commit is in the file before the engine answers. {@code DB_CLOSE_ON_EXIT=FALSE}: on a
     * normal stop the engine closes before its database.
     */
    public static String engineDatabaseUrl(java.nio.file.Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("engine").resolve("consilium") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }
}
