package org.consilium.stack.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.consilium.stack.StackPorts;

/**
 * The id a three-node cluster was formatted with, kept in the data dir ({@code kafka-cluster-id}): every node's log
 * dir must carry the same one, and a node whose dir is formatted later (a new node, a lost dir) gets it from here.
 */
final class ClusterId {

    static final String FILE = "kafka-cluster-id";

    private ClusterId() {
    }

    /** The data dir's id, made (and written whole, by a rename) the first time it is asked for. */
    static String of(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        Files.createDirectories(dataDir);
        // the file lost, the nodes formatted: their id stays the cluster's
        String id = formattedNodesId(dataDir).orElseGet(() -> Uuid.randomUuid().toString());
        Path partial = Files.createTempFile(dataDir, FILE, ".partial");
        Files.writeString(partial, id, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        return id;
    }

    private static Optional<String> formattedNodesId(Path dataDir) throws IOException {
        for (int node = 1; node <= StackPorts.MAX_KAFKA_NODES; node++) {
            Path meta = dataDir.resolve(BrokerNodeProcess.name(node)).resolve("meta.properties");
            if (Files.exists(meta)) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                return Optional.ofNullable(properties.getProperty("cluster.id"));
            }
        }
        return Optional.empty();
    }
}
