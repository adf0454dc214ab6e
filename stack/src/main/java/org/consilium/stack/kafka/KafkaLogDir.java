package org.consilium.stack.kafka;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import kafka.server.KafkaConfig;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A node's log dir, formatted only when it has no {@code meta.properties} yet: a restart reuses topics, records and
 * committed offsets, and a formatted dir is never formatted again (that would throw its records away).
 */
final class KafkaLogDir {

    private KafkaLogDir() {
    }

    static boolean isFormatted(Path logDir) {
        return Files.exists(logDir.resolve("meta.properties"));
    }

    /** Formats it for {@code clusterId} unless it is formatted already; returns the formatter's own words, or empty. */
    static String formatIfNew(KafkaConfig config, Path logDir, String clusterId) throws Exception {
        if (isFormatted(logDir)) {
            return "";
        }
        Files.createDirectories(logDir);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        new Formatter()
                .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                .setNodeId(config.nodeId())
                .setClusterId(clusterId)
                .setControllerListenerName(BrokerConfig.CONTROLLER_LISTENER)
                .setMetadataLogDirectory(config.metadataLogDir())
                .addDirectory(logDir.toString())
                .run();
        return output.toString(StandardCharsets.UTF_8).strip();
    }
}
