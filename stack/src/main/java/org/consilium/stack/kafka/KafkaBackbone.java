package org.consilium.stack.kafka;

/** The stack's Kafka, whichever layout: started before the services, stopped after them. */
public interface KafkaBackbone {

    /** Returns once every node answers: the topics can be made and the services connect. */
    void start() throws Exception;

    /** Every node's address, for the stack's own clients and the services. */
    String bootstrapServers();

    /** Copies of each partition, and how many must have a write before acks=all is answered. */
    Replication replication();

    /** One line for the log and the ready banner: where the nodes are, and where their data. */
    String layout();

    void stop() throws Exception;
}
