package org.consilium.stack.kafka;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.consilium.events.Topics;
import org.consilium.stack.StackPorts;

/** The single-node KRaft configuration: broker and controller in one process, everything on loopback. */
final class BrokerConfig {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private BrokerConfig() {
    }

    static Map<String, Object> of(StackPorts ports, Path logDir) {
        Map<String, Object> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", NODE_ID);
        config.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + ports.kafkaController());
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + ports.kafka() + ",CONTROLLER://127.0.0.1:" + ports.kafkaController());
        // advertise the address we bind, so a client that resolves localhost to ::1 first is not sent there
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + ports.kafka());
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", logDir.toString());

        // one broker: internal topics cannot have more replicas than that
        config.put("offsets.topic.replication.factor", (short) 1);
        config.put("transaction.state.log.replication.factor", (short) 1);
        config.put("transaction.state.log.min.isr", 1);
        // fewer internal partitions than the default 50: each is a directory with preallocated index files
        config.put("offsets.topic.num.partitions", 10);
        config.put("transaction.state.log.num.partitions", 10);
        // consumers of a freshly started service get their partitions at once instead of after 3 s
        config.put("group.initial.rebalance.delay.ms", 0);
        config.put("num.partitions", Topics.PARTITIONS);
        config.put("auto.create.topics.enable", true);

        // sized for a dev stack on two cores, not a production broker: the log cleaner's dedupe buffer
        // (128 MB of heap by default) only has to hold the keys of the compacted internal topics
        config.put("log.cleaner.dedupe.buffer.size", 8L * 1024 * 1024);
        config.put("num.network.threads", 2);
        config.put("num.io.threads", 4);
        config.put("background.threads", 4);

        // after a kill -9 the controller (restarted with the broker) still holds the dead incarnation's
        // registration and refuses the new one (DUPLICATE_BROKER_REGISTRATION) until that session times out:
        // 9 s by default, measured as 8 s of every restart after a crash. Broker and controller share this JVM,
        // so their heartbeats never cross a network; 4 s still allows several missed beats in a long pause.
        config.put("broker.session.timeout.ms", 4000);
        config.put("broker.heartbeat.interval.ms", 500);

        // a dev stack stopped for a fortnight must still continue every case: keep records and
        // committed positions instead of expiring them after the defaults' 7 days
        config.put("log.retention.ms", -1L);
        config.put("offsets.retention.minutes", 10 * 365 * 24 * 60);
        return config;
    }
}
