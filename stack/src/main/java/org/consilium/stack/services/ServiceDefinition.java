package org.consilium.stack.services;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One launchable Consilium service.
 *
 * @param module        Maven module name; also the jar name and the log file name
 * @param basePort      HTTP port before the stack's port offset
 * @param maxHeap       {@code -Xmx} value
 * @param mongoDatabase its own MongoDB database; empty for the engine, which has its own H2 file
 */
public record ServiceDefinition(String module, int basePort, String maxHeap, Optional<String> mongoDatabase) {

    public Path jar(Path home) {
        return home.resolve(module).resolve("target").resolve(module + "-exec.jar");
    }

    public boolean isEngine() {
        return mongoDatabase.isEmpty();
    }
}
