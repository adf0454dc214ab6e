package org.consilium.stack;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Every port the stack opens, each shifted by the same offset. */
public record StackPorts(int offset) {

    static final int KAFKA = 9092;
    static final int KAFKA_CONTROLLER = 9093;
    /** The most Kafka nodes a stack runs ({@code consilium.stack.brokers=3}); each takes two ports after the first's. */
    public static final int MAX_KAFKA_NODES = 3;
    static final int MONGO = 27017;
    static final int SMTP = 3025;
    static final int MAIL_API = 8025;
    static final int ENGINE_POSTGRES = 5432;
    /** Replicas of a service listen on its port + 20, + 40, + 60 (8100-8150: free among the stack's ports), behind it. */
    public static final int MAX_REPLICAS = 3;
    private static final int REPLICA_STEP = 20;

    public int kafka() {
        return KAFKA + offset;
    }

    public int kafkaController() {
        return KAFKA_CONTROLLER + offset;
    }

    /**
     * Node {@code node} (1-based) of a Kafka cluster: node 1 on the single broker's ports (9092, controller 9093),
     * node 2 on 9094/9095, node 3 on 9096/9097, so the default layout keeps the ports it always had.
     */
    public int kafka(int node) {
        return kafka() + 2 * checkNode(node);
    }

    public int kafkaController(int node) {
        return kafkaController() + 2 * checkNode(node);
    }

    /** What clients are given: every node, so a client starting while one is down still finds the others. */
    public String kafkaBootstrap(int nodes) {
        return IntStream.rangeClosed(1, nodes).mapToObj(node -> "localhost:" + kafka(node))
                .collect(Collectors.joining(","));
    }

    public int mongo() {
        return MONGO + offset;
    }

    public int smtp() {
        return SMTP + offset;
    }

    public int mailApi() {
        return MAIL_API + offset;
    }

    /** The engine's PostgreSQL: PostgreSQL's own default port, shifted like every other. */
    public int enginePostgres() {
        return ENGINE_POSTGRES + offset;
    }

    /** A service's port: its base port (8080...) plus the offset. */
    public int shift(int basePort) {
        return basePort + offset;
    }

    /** Where replica {@code replica} (1-based) of a replicated service listens; its own port then takes the proxy. */
    public int replica(int basePort, int replica) {
        return shift(basePort) + REPLICA_STEP * replica;
    }

    private static int checkNode(int node) {
        if (node < 1 || node > MAX_KAFKA_NODES) {
            throw new IllegalArgumentException("Kafka node " + node + " is not one of 1.." + MAX_KAFKA_NODES);
        }
        return node - 1;
    }

    static void checkOffset(int offset) {
        // lowest base port is SMTP's, highest Mongo's; the third Kafka node's controller (9097) lies between
        if (SMTP + offset < 1024 || MONGO + offset > 65535) {
            throw new IllegalArgumentException("consilium.stack.port-offset " + offset
                    + " moves ports out of range: it must be between " + (1024 - SMTP) + " and " + (65535 - MONGO));
        }
    }
}
