package org.consilium.stack;

/** Every port the stack opens, each shifted by the same offset. */
public record StackPorts(int offset) {

    static final int KAFKA = 9092;
    static final int KAFKA_CONTROLLER = 9093;
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

    static void checkOffset(int offset) {
        // lowest base port is SMTP's, highest Mongo's
        if (SMTP + offset < 1024 || MONGO + offset > 65535) {
            throw new IllegalArgumentException("consilium.stack.port-offset " + offset
                    + " moves ports out of range: it must be between " + (1024 - SMTP) + " and " + (65535 - MONGO));
        }
    }
}
