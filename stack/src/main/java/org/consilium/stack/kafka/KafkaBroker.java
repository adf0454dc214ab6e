package org.consilium.stack.kafka;

import java.nio.file.Path;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.consilium.stack.StackProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real KRaft broker (Kafka's own server classes, not a test fixture) in this JVM. Its log dir lives under
 * the data dir and is formatted only once, so topics, records and committed offsets survive restarts.
 */
public class KafkaBroker implements KafkaBackbone {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private final StackProperties properties;
    private final Path logDir;
    private KafkaRaftServer server;

    public KafkaBroker(StackProperties properties) {
        this.properties = properties;
        this.logDir = properties.dataPath().resolve("kafka");
    }

    @Override
    public synchronized void start() throws Exception {
        LayoutGuard.refuseClusterData(properties.dataPath());
        KafkaConfig config = new KafkaConfig(BrokerConfig.of(properties.ports(), logDir), false);
        if (KafkaLogDir.isFormatted(logDir)) {
            log.info("Reusing the Kafka log dir {}", logDir);
        } else {
            String clusterId = Uuid.randomUuid().toString();
            log.info("Formatted a new Kafka log dir {} (cluster id {}): {}", logDir, clusterId,
                    KafkaLogDir.formatIfNew(config, logDir, clusterId));
        }
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + properties.ports().kafka();
    }

    @Override
    public Replication replication() {
        return Replication.SINGLE;
    }

    @Override
    public String layout() {
        return "one KRaft broker and controller in this JVM on localhost:" + properties.ports().kafka()
                + ", controller on " + properties.ports().kafkaController() + ", log dir " + logDir;
    }

    /** Controlled shutdown: leadership moves off cleanly and every log is flushed and closed. */
    @Override
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }
}
