package org.consilium.support.testing;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real MongoDB and a real Kafka broker in containers, one of each per test JVM, for the tests
 * that prove a service against production infrastructure. Use only from test classes annotated
 * {@code @Testcontainers(disabledWithoutDocker = true)}: where Docker is absent they are reported
 * as skipped and nothing here starts.
 */
public final class RealInfrastructure {
    private static MongoDBContainer mongo;
    private static KafkaContainer kafka;

    private RealInfrastructure() {
    }

    public static synchronized String mongoUri(String database) {
        if (mongo == null) {
            mongo = new MongoDBContainer("mongo:7.0");
            mongo.start();
        }
        return mongo.getReplicaSetUrl(database);
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = new KafkaContainer("apache/kafka:3.9.1");
            kafka.start();
        }
        return kafka.getBootstrapServers();
    }

    /** For {@code @DynamicPropertySource}: points Kafka, the binder and reactive Mongo at the containers. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.data.mongodb.uri", () -> mongoUri(database));
        registry.add("spring.kafka.bootstrap-servers", RealInfrastructure::kafkaBootstrapServers);
        registry.add("spring.cloud.stream.kafka.binder.brokers", RealInfrastructure::kafkaBootstrapServers);
        registry.add("consilium.crypto.ephemeral-key", () -> "true");
    }
}
