package org.consilium.support.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.kafka.clients.admin.NewTopic;
import org.consilium.events.Topics;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.net.InetSocketAddress;

/**
 * One real Kafka broker (KRaft) and one MongoDB-wire server per test JVM, shared by every Spring
 * context of a module's tests. Real protocols, no mocks; started once because each costs seconds.
 */
public final class EmbeddedInfrastructure {
    private static MongoServer mongo;
    private static EmbeddedKafkaKraftBroker kafka;

    private EmbeddedInfrastructure() {
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, Topics.PARTITIONS);
            kafka.afterPropertiesSet();
            // every topic with its own partitions, as the stack and the chart make them
            kafka.addTopics(Topics.ALL.stream().map(topic -> new NewTopic(topic, Topics.partitions(topic), (short) 1))
                    .toArray(NewTopic[]::new));
        }
        return kafka.getBrokersAsString();
    }

    public static synchronized String mongoUri(String database) {
        if (mongo == null) {
            mongo = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
            mongo.bind("127.0.0.1", 0);
        }
        InetSocketAddress address = mongo.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }

    /** For {@code @DynamicPropertySource}: points Kafka, the binder and reactive Mongo at the embedded servers. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.kafka.bootstrap-servers", EmbeddedInfrastructure::kafkaBootstrapServers);
        registry.add("spring.cloud.stream.kafka.binder.brokers", EmbeddedInfrastructure::kafkaBootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> mongoUri(database));
        // personal fields are sealed at rest; a test's data need not outlive its JVM
        registry.add("consilium.crypto.ephemeral-key", () -> "true");
    }
}
