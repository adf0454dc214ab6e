package org.consilium.stack.kafka;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.consilium.events.Topics;
import org.consilium.stack.StackPorts;

/**
 * The KRaft configuration of a node: broker and controller in one process (combined mode), everything on loopback.
 * One node ({@link #of}) inside the launcher, or node {@code n} of three separate processes ({@link #clusterNode}).
 */
final class BrokerConfig {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private BrokerConfig() {
    }

    /** The single broker: every replica count 1, as there is no second node to hold a copy. */
    static Map<String, Object> of(StackPorts ports, Path logDir) {
        Map<String, Object> config = node(ports, NODE_ID, 1, logDir, Replication.SINGLE);
        // after a kill -9 the controller (restarted with the broker) still holds the dead incarnation's
        // registration and refuses the new one (DUPLICATE_BROKER_REGISTRATION) until that session times out:
        // 9 s by default, measured as 8 s of every restart after a crash. Broker and controller share this JVM,
        // so their heartbeats never cross a network; 4 s still allows several missed beats in a long pause.
        config.put("broker.session.timeout.ms", 4000);
        config.put("broker.heartbeat.interval.ms", 500);
        return config;
    }

    /**
     * Node {@code nodeId} of a cluster of {@code nodes}, each a voter of the controller quorum. Every topic, the
     * internal ones included, is kept on three nodes and a write with acks=all needs two of them (ADR 29).
     */
    static Map<String, Object> clusterNode(StackPorts ports, int nodeId, int nodes, Path logDir) {
        Map<String, Object> config = node(ports, nodeId, nodes, logDir, Replication.forBrokers(nodes));
        // the session is what fences a killed node: until then the partitions it led have no leader and a write
        // with acks=all waits for it to leave the ISR. 4 s as for the single broker (Kafka's default 9 s), and a
        // beat every 500 ms, so a restarted node is also accepted again soon (its old session must expire first).
        config.put("broker.session.timeout.ms", 4000);
        config.put("broker.heartbeat.interval.ms", 500);
        // never elect a leader that lacks acknowledged records: losing a write is worse than waiting for a replica
        config.put("unclean.leader.election.enable", false);
        return config;
    }

    private static Map<String, Object> node(StackPorts ports, int nodeId, int nodes, Path logDir, Replication replication) {
        Map<String, Object> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", nodeId);
        config.put("controller.quorum.voters", IntStream.rangeClosed(1, nodes)
                .mapToObj(voter -> voter + "@127.0.0.1:" + ports.kafkaController(voter))
                .collect(Collectors.joining(",")));
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + ports.kafka(nodeId)
                + ",CONTROLLER://127.0.0.1:" + ports.kafkaController(nodeId));
        // advertise the address we bind, so a client that resolves localhost to ::1 first is not sent there
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + ports.kafka(nodeId));
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", logDir.toString());

        // internal topics (committed offsets, transactions) as safe as the stack's own, and auto-created topics too
        config.put("offsets.topic.replication.factor", replication.factor());
        config.put("transaction.state.log.replication.factor", replication.factor());
        config.put("transaction.state.log.min.isr", replication.minInsyncReplicas());
        config.put("default.replication.factor", (int) replication.factor());
        config.put("min.insync.replicas", replication.minInsyncReplicas());
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

        // a dev stack stopped for a fortnight must still continue every case: keep records and
        // committed positions instead of expiring them after the defaults' 7 days
        config.put("log.retention.ms", -1L);
        config.put("offsets.retention.minutes", 10 * 365 * 24 * 60);
        return config;
    }
}
