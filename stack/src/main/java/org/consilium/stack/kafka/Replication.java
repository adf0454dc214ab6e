package org.consilium.stack.kafka;

/**
 * How many copies of each partition the stack's Kafka keeps, and how many must have a write before a producer with
 * acks=all is told it is stored.
 *
 * @param factor            replicas of every partition, the internal topics' included
 * @param minInsyncReplicas replicas that must have a write before it is acknowledged
 */
public record Replication(short factor, int minInsyncReplicas) {

    /** One broker: one copy, acknowledged by it. */
    public static final Replication SINGLE = new Replication((short) 1, 1);

    /**
     * Three brokers: a copy on each, acknowledged once two have it. One node may die (or be restarted) without a
     * write being refused or an acknowledged one lost; with two down, writes wait rather than land on one disk.
     */
    public static final Replication THREE_NODES = new Replication((short) 3, 2);

    public static Replication forBrokers(int brokers) {
        return brokers == 1 ? SINGLE : THREE_NODES;
    }
}
