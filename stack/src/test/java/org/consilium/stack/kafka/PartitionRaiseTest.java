package org.consilium.stack.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.consilium.events.Topics;
import org.consilium.stack.StackProperties;
import org.consilium.stack.engine.EngineDatabase;
import org.consilium.stack.heap.HeapSizing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stack whose data dir an older version made (the notification commands and their dead letters on 3 partitions)
 * gets them raised to the intended 12 at its start, on its own real broker, but only once every record on them has
 * been read.
 */
class PartitionRaiseTest {
    private static final int OFFSET = 6800;
    private static final String TOPIC = Topics.NOTIFICATION_COMMANDS;
    private static final String DEAD_LETTERS = "error." + TOPIC + ".notification-service";

    @TempDir
    Path dataDir;
    private KafkaBroker broker;
    private Admin admin;

    @BeforeEach
    void start() throws Exception {
        broker = new KafkaBroker(new StackProperties(dataDir.toString(), dataDir.toString(), OFFSET, List.of(),
                Duration.ofSeconds(120), Duration.ofSeconds(30), false, EngineDatabase.H2, 1, 3, HeapSizing.AS_USED));
        broker.start();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1), new NewTopic(DEAD_LETTERS, 3, (short) 1))).all()
                .get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        admin.close();
        broker.stop();
    }

    @Test
    void aTopicWithFewerPartitionsIsRaisedWithItsDeadLettersAtStartOnlyOnceNothingOnThemIsUnread() throws Exception {
        produce(TOPIC, 0, 20);
        new TopicSetup().ensureTopics(broker.bootstrapServers(), Replication.SINGLE);
        assertThat(partitions(TOPIC)).as("records nobody has read: left at 3").isEqualTo(3);

        assertThat(readToTheEnd(TOPIC, "notification-service")).isEqualTo(20);
        produce(TOPIC, 20, 21);
        new TopicSetup().ensureTopics(broker.bootstrapServers(), Replication.SINGLE);
        assertThat(partitions(TOPIC)).as("the reader's group one record behind: left at 3").isEqualTo(3);

        assertThat(readToTheEnd(TOPIC, "notification-service")).isEqualTo(1);
        produce(DEAD_LETTERS, 0, 1);
        new TopicSetup().ensureTopics(broker.bootstrapServers(), Replication.SINGLE);
        assertThat(partitions(TOPIC)).as("a dead letter nobody has read: left at 3").isEqualTo(3);

        assertThat(readToTheEnd(DEAD_LETTERS, "bpmn")).isEqualTo(1);
        new TopicSetup().ensureTopics(broker.bootstrapServers(), Replication.SINGLE);
        assertThat(partitions(TOPIC)).as("everything read: raised").isEqualTo(Topics.NOTIFICATION_COMMANDS_PARTITIONS);
        assertThat(partitions(DEAD_LETTERS)).as("and its dead letters, whose partition is the record's own")
                .isEqualTo(Topics.NOTIFICATION_COMMANDS_PARTITIONS);
        assertThat(admin.describeTopics(Topics.ALL).allTopicNames().get(30, TimeUnit.SECONDS))
                .as("the others made as intended").allSatisfy((name, topic) ->
                        assertThat(topic.partitions()).hasSize(Topics.partitions(name)));
    }

    private int partitions(String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                .partitions().size();
    }

    private void produce(String topic, int from, int to) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int n = from; n < to; n++) {
                producer.send(new ProducerRecord<>(topic, "case-" + n, "SendNotification " + n)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Reads what the group has not read of the topic yet, commits, and says how many records that was. */
    private int readToTheEnd(String topic, String group) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            int read = 0;
            int emptyPolls = 0;
            for (int poll = 0; poll < 60 && emptyPolls < 3; poll++) { // until three empty polls once assigned
                int polled = consumer.poll(Duration.ofSeconds(1)).count();
                read += polled;
                emptyPolls = polled == 0 && !consumer.assignment().isEmpty() ? emptyPolls + 1 : 0;
                consumer.commitSync();
            }
            return read;
        }
    }
}
