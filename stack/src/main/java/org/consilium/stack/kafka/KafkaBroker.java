package org.consilium.stack.kafka;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.consilium.stack.StackProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A real KRaft broker (Kafka's own server classes, not a test fixture) in this JVM. Its log dir lives under
 * the data dir and is formatted only once, so topics, records and committed offsets survive restarts.
 */
@Component
public class KafkaBroker {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private final StackProperties properties;
    private final Path logDir;
    private KafkaRaftServer server;

    public KafkaBroker(StackProperties properties) {
        this.properties = properties;
        this.logDir = properties.dataPath().resolve("kafka");
    }

    public synchronized void start() throws Exception {
        KafkaConfig config = new KafkaConfig(BrokerConfig.of(properties.ports(), logDir), false);
        if (Files.exists(logDir.resolve("meta.properties"))) {
            log.info("Reusing the Kafka log dir {}", logDir);
        } else {
            format(config);
        }
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
    }

    public String bootstrapServers() {
        return "localhost:" + properties.ports().kafka();
    }

    /** Controlled shutdown: leadership moves off cleanly and every log is flushed and closed. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    private void format(KafkaConfig config) throws Exception {
        Files.createDirectories(logDir);
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        new Formatter()
                .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                .setNodeId(config.nodeId())
                .setClusterId(clusterId)
                .setControllerListenerName(BrokerConfig.CONTROLLER_LISTENER)
                .setMetadataLogDirectory(config.metadataLogDir())
                .addDirectory(logDir.toString())
                .run();
        log.info("Formatted a new Kafka log dir {} (cluster id {}): {}", logDir, clusterId,
                output.toString(StandardCharsets.UTF_8).strip());
    }
}
