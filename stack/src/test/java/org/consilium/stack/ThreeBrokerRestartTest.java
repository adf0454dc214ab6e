package org.consilium.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.consilium.events.Topics;
import org.consilium.stack.kafka.KafkaBackbone;
import org.consilium.stack.kafka.KafkaCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The stack with {@code --consilium.stack.brokers=3} (ADR 29), infrastructure only: three nodes with every topic on
 * all of them, and after a stop and a start on the same data dir the same cluster, its topics, records and
 * committed offsets.
 */
class ThreeBrokerRestartTest {

    private static final int OFFSET = 6400;
    private static final StackPorts PORTS = new StackPorts(OFFSET);
    private static final int RECORDS = 100;

    @TempDir
    Path dataDir;

    @Test
    void aThreeBrokerDataDirRestartsWithItsTopicsRecordsAndOffsets() throws Exception {
        String clusterId;
        long begin = System.nanoTime();
        try (ConfigurableApplicationContext stack = startInfrastructure()) {
            System.out.printf("stack with three brokers up in %d ms%n", millisSince(begin));
            assertThat(stack.getBean(KafkaBackbone.class)).isInstanceOf(KafkaCluster.class);
            try (Admin admin = admin()) {
                assertThat(brokers(admin)).containsExactlyInAnyOrder(1, 2, 3);
                // the controller made them; a broker that answers this may replay that a few milliseconds later
                await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
                    Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames()
                            .get(10, TimeUnit.SECONDS);
                    assertThat(topics).containsOnlyKeys(Topics.ALL).allSatisfy((name, topic) -> {
                        assertThat(topic.partitions()).as(name).hasSize(Topics.partitions(name));
                        assertThat(topic.partitions()).allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
                    });
                    assertThat(minInsyncReplicas(admin, Topics.RECORDS_COMMANDS)).isEqualTo("2");
                });
            }
            produce(IntStream.range(0, RECORDS).mapToObj(i -> "CaseSubmitted-" + i).toList());
            assertThat(consume("first-reader", RECORDS)).hasSize(RECORDS);
            clusterId = Files.readString(dataDir.resolve("kafka-cluster-id")).trim();
        }
        for (int node = 1; node <= 3; node++) {
            assertThat(clusterIdOf(node)).as("kafka-%d's cluster id", node).isEqualTo(clusterId);
        }

        long restart = System.nanoTime();
        try (ConfigurableApplicationContext stack = startInfrastructure()) {
            System.out.printf("restarted on the same data dir in %d ms%n", millisSince(restart));
            assertThat(Files.readString(dataDir.resolve("kafka-cluster-id")).trim()).isEqualTo(clusterId);
            try (Admin admin = admin()) {
                assertThat(brokers(admin)).containsExactlyInAnyOrder(1, 2, 3);
                assertThat(admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS)).isEqualTo(clusterId);
                assertThat(committedOffsets(admin, "first-reader")).as("first-reader's committed offsets")
                        .isEqualTo(RECORDS);
            }
            assertThat(consume("second-reader", RECORDS))
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, RECORDS).mapToObj(i -> "CaseSubmitted-" + i)
                            .toList());
        }
    }

    private ConfigurableApplicationContext startInfrastructure() {
        return new SpringApplicationBuilder(ConsiliumStack.class).run(
                "--consilium.stack.data-dir=" + dataDir,
                "--consilium.stack.port-offset=" + OFFSET,
                "--consilium.stack.services=",
                "--consilium.stack.engine-database=h2",
                "--consilium.stack.brokers=3");
    }

    private String clusterIdOf(int node) throws Exception {
        Properties meta = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve("kafka-" + node).resolve("meta.properties"))) {
            meta.load(reader);
        }
        return meta.getProperty("cluster.id");
    }

    private static String minInsyncReplicas(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
        return config.get("min.insync.replicas").value();
    }

    private static List<Integer> brokers(Admin admin) throws Exception {
        return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).stream().map(Node::id).toList();
    }

    private static long committedOffsets(Admin admin, String group) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                .values().stream().mapToLong(offset -> offset.offset()).sum();
    }

    private static void produce(List<String> values) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PORTS.kafkaBootstrap(3),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = 0; i < values.size(); i++) {
                producer.send(new ProducerRecord<>(Topics.RECORDS_COMMANDS, "case-" + (i % 7), values.get(i)));
            }
            producer.flush();
        }
    }

    /** Reads from the start until {@code expected} records came, then commits the position. */
    private static List<String> consume(String group, int expected) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PORTS.kafkaBootstrap(3),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(Topics.RECORDS_COMMANDS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record.value());
                }
                return seen.size() >= expected;
            });
            consumer.commitSync();
        }
        return seen;
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, PORTS.kafkaBootstrap(3)));
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
