package org.consilium.stack.services;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One launchable Consilium service.
 *
 * @param module        Maven module name; also the jar name and the log file name
 * @param basePort      HTTP port before the stack's port offset
 * @param maxHeap       {@code -Xmx} value
 * @param kind          what it needs from the stack beyond a port
 * @param mongoDatabase its own MongoDB database; empty for the engine (its own H2 file) and the identity provider
 */
public record ServiceDefinition(String module, int basePort, String maxHeap, Kind kind, Optional<String> mongoDatabase) {

    /** What a service is to the stack: each kind gets its own environment and its own lines in the ready banner. */
    public enum Kind {
        /** The OpenID Connect provider every other service trusts; no Kafka, no database. */
        IDENTITY,
        /** The process engine, with its relational database. */
        ENGINE,
        /** A domain service on Kafka and MongoDB. */
        DOMAIN,
        /** The web console: a backend-for-frontend that signs people in and calls the others' APIs; its read model of the topics (ADR 18). */
        CONSOLE
    }

    public Path jar(Path home) {
        return home.resolve(module).resolve("target").resolve(module + "-exec.jar");
    }

    public boolean isEngine() {
        return kind == Kind.ENGINE;
    }

    public boolean isIdentityProvider() {
        return kind == Kind.IDENTITY;
    }

    public boolean isConsole() {
        return kind == Kind.CONSOLE;
    }

    /**
     * Whether the stack may run it from its unpacked jar ({@link UnpackedJars}). Not the engine: Camunda's webapps
     * load their plugins (plugin.js of Cockpit, Tasklist and Admin) from its webjar's {@code META-INF/resources}
     * through the servlet context, and Tomcat finds those only in jars it sees on the class path: from the unpacked
     * layout (one application jar whose manifest names the libraries) it sees none, every plugin asset is a 404 and
     * the webapps hang on their spinner with a signed-in user.
     */
    public boolean unpackable() {
        return kind != Kind.ENGINE;
    }

    /**
     * Whether several JVMs of it can share the work: the domain services and the engine keep everything in their
     * stores (ADR 30). Not the identity provider (its demo sessions and consents are in memory) nor the console (its
     * worklist read model and its users' sessions are in memory).
     */
    public boolean replicable() {
        return kind == Kind.DOMAIN || kind == Kind.ENGINE;
    }
}
