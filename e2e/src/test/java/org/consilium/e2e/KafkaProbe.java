package org.consilium.e2e;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The stack's Kafka broker as an outside producer and an ops person see it: sends records as they are (any key,
 * any headers, any bytes), reads a partition from its start, and tells how far a consumer group has come.
 */
final class KafkaProbe implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final Admin admin;

    KafkaProbe() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()));
    }

    private static String bootstrap() {
        return "localhost:" + RunningStack.port(9092);
    }

    /** Where Kafka's default partitioner puts a record with this key, as every producer of the stack sends. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** A fresh key, starting with {@code prefix}, that the default partitioner puts on {@code partition}. */
    static String keyOn(String prefix, int partition, int partitions) {
        for (int i = 0; ; i++) {
            String key = prefix + "-" + i;
            if (partitionOf(key, partitions) == partition) {
                return key;
            }
        }
    }

    int partitions(String topic) {
        TopicDescription description = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
        return description.partitions().size();
    }

    RecordMetadata send(ProducerRecord<byte[], byte[]> record) {
        return get(producer.send(record));
    }

    /** The records of one partition, from its start to its current end, that pass {@code filter}. */
    List<ConsumerRecord<byte[], byte[]>> read(TopicPartition partition, Predicate<ConsumerRecord<byte[], byte[]>> filter) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (filter.test(record)) {
                        found.add(record);
                    }
                });
            }
            return found;
        }
    }

    /** The next offset {@code group} will read on the partition (its committed offset), -1 while it committed none. */
    long committed(String group, TopicPartition partition) {
        OffsetAndMetadata offset = get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()).get(partition);
        return offset == null ? -1 : offset.offset();
    }

    static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static <T> T get(java.util.concurrent.Future<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        admin.close(Duration.ofSeconds(10));
    }
}
