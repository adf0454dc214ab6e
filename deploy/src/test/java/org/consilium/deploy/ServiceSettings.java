package org.consilium.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a service itself says about how it runs, read from its source tree as Spring Boot would read it: its
 * application.yaml, the service-support defaults where its auto-configuration is on, and the {@code ${NAME:default}}
 * environment placeholders of both and of its {@code @Value}s.
 *
 * @param config       every property, flattened ({@code server.port=${SERVER_PORT:8081}}), the service's own first
 * @param placeholders every environment variable it reads by placeholder, with its default ("" when none)
 */
record ServiceSettings(String module, Map<String, String> config, Map<String, String> placeholders,
                       boolean hasTracingExporter) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    /** Names Spring Boot or the JVM read themselves, in every service: no placeholder names them. */
    private static final Set<String> PLATFORM_NAMES = Set.of("SPRING_PROFILES_ACTIVE", "LOGGING_STRUCTURED_FORMAT_CONSOLE",
            "JAVA_TOOL_OPTIONS");

    static ServiceSettings read(String module) {
        Path root = Repository.root();
        Path moduleDir = root.resolve(module);
        String own = text(moduleDir.resolve("src/main/resources/application.yaml"));
        String pom = text(moduleDir.resolve("pom.xml"));
        Map<String, String> config = new LinkedHashMap<>(
                Yamls.flatten(Yamls.map(new Yaml(new LoaderOptions()).load(own))));
        StringBuilder sources = new StringBuilder(own);
        boolean supportDefaults = pom.contains("<artifactId>service-support</artifactId>")
                && !own.contains("org.consilium.support.ServiceSupportAutoConfiguration");
        if (supportDefaults) {
            String defaults = text(root.resolve("service-support/src/main/resources/consilium-service-defaults.properties"));
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(defaults));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            properties.forEach((key, value) -> config.putIfAbsent(String.valueOf(key), String.valueOf(value)));
            sources.append('\n').append(defaults);
        }
        sources.append('\n').append(javaSources(moduleDir.resolve("src/main/java")));
        Map<String, String> placeholders = new LinkedHashMap<>();
        Matcher matcher = PLACEHOLDER.matcher(sources);
        while (matcher.find()) {
            placeholders.putIfAbsent(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2));
        }
        boolean tracing = pom.contains("opentelemetry-exporter-otlp") || pom.contains("<artifactId>service-support</artifactId>");
        return new ServiceSettings(module, config, placeholders, tracing);
    }

    /** The port it listens on unless SERVER_PORT says otherwise (the chart never sets SERVER_PORT). */
    int serverPort() {
        return Integer.parseInt(resolved("server.port", "8080"));
    }

    /** Actuator on its own port, if the service moved it there (management.server.port); else the server's. */
    int managementPort() {
        return Integer.parseInt(resolved("management.server.port", String.valueOf(serverPort())));
    }

    String livenessPath() {
        return probesEnabled() ? healthPath() + "/liveness" : null;
    }

    String readinessPath() {
        return probesEnabled() ? healthPath() + "/readiness" : null;
    }

    private String healthPath() {
        String base = resolved("management.endpoints.web.base-path", "/actuator");
        String health = resolved("management.endpoints.web.path-mapping.health", "health");
        return (base.endsWith("/") ? base : base + "/") + health;
    }

    private boolean probesEnabled() {
        boolean exposed = config.entrySet().stream()
                .filter(e -> e.getKey().startsWith("management.endpoints.web.exposure.include"))
                .flatMap(e -> Arrays.stream(e.getValue().split(",")))
                .map(String::trim)
                .anyMatch(name -> name.equals("health") || name.equals("*"));
        boolean noInclude = config.keySet().stream().noneMatch(k -> k.startsWith("management.endpoints.web.exposure.include"));
        return (exposed || noInclude) && "true".equals(resolved("management.endpoint.health.probes.enabled", "false"));
    }

    /** Its Kafka consumer groups: each binding's group, or the default one. */
    Set<String> consumerGroups() {
        return config.entrySet().stream()
                .filter(e -> e.getKey().matches("spring\\.cloud\\.stream\\.(bindings\\.[^.]+|default)\\.group"))
                .map(e -> resolve(e.getValue()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Whether the service reads this environment variable: a placeholder names it, it is Spring Boot's or the JVM's
     * own, or it binds (relaxed binding) into a namespace the service configures, e.g.
     * SPRING_CLOUD_STREAM_KAFKA_BINDER_REPLICATIONFACTOR where spring.cloud.stream.kafka.binder.* is set.
     */
    boolean reads(String name) {
        if (placeholders.containsKey(name) || PLATFORM_NAMES.contains(name)) {
            return true;
        }
        if (name.equals("MANAGEMENT_OTLP_TRACING_ENDPOINT")) {
            return hasTracingExporter;
        }
        String bound = name.toLowerCase().replace('_', '.');
        String namespace = bound.substring(0, Math.max(0, bound.lastIndexOf('.')));
        return !namespace.isEmpty() && config.keySet().stream()
                .map(key -> key.replace("-", "").toLowerCase())
                .anyMatch(key -> key.startsWith(namespace + "."));
    }

    private String resolved(String key, String fallback) {
        String value = config.get(key);
        return value == null ? fallback : resolve(value);
    }

    /** {@code ${NAME:default}} as the default: what the service runs with when the variable is unset. */
    static String resolve(String value) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        return matcher.matches() ? (matcher.group(2) == null ? "" : matcher.group(2)) : value;
    }

    private static String javaSources(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(ServiceSettings::text)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
