package org.consilium.bpmn.support;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.consilium.events.CloudEventCodec;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/**
 * Reads what the process sends, as the other services would: a plain Kafka consumer on the command
 * (and dead-letter) topics, from the beginning, keeping every record for the assertions.
 */
public class CommandTap implements AutoCloseable {
    private final List<ConsumerRecord<String, byte[]>> seen = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Collection<String> topics;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    public CommandTap(String brokers, Collection<String> topics) {
        this.topics = List.copyOf(topics);
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "command-tap");
        thread.setDaemon(true);
        thread.start();
        try {
            assigned.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            List<TopicPartition> partitions = topics.stream().flatMap(topic -> consumer.partitionsFor(topic).stream())
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            assigned.countDown();
            while (running) {
                consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            }
        } catch (WakeupException stopping) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    public List<ConsumerRecord<String, byte[]>> records(String caseId, MessageType type) {
        return seen.stream().filter(r -> caseId.equals(r.key()) && type.ceType().equals(header(r, "ce_type"))).toList();
    }

    public List<ConsumerRecord<String, byte[]>> onTopic(String topic, String key) {
        return seen.stream().filter(r -> r.topic().equals(topic) && key.equals(r.key())).toList();
    }

    /** The records on the topic that carry the header with this value (a test's own tag). */
    public List<ConsumerRecord<String, byte[]>> tagged(String topic, String headerName, String value) {
        return seen.stream().filter(r -> r.topic().equals(topic) && value.equals(header(r, headerName))).toList();
    }

    /** Waits for at least {@code count} records of the type for the case and returns them all. */
    public List<ConsumerRecord<String, byte[]>> await(String caseId, MessageType type, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> records(caseId, type).size() >= count);
        return records(caseId, type);
    }

    public <T> T awaitPayload(String caseId, MessageType type, Class<T> payloadType) {
        List<ConsumerRecord<String, byte[]>> records = await(caseId, type, 1);
        return payloadType.cast(envelope(records.get(records.size() - 1)).payload());
    }

    /** Waits for a record of the type for the case whose payload matches, and returns that payload. */
    public <T> T awaitPayload(String caseId, MessageType type, Class<T> payloadType, Predicate<T> matching) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> payloads(caseId, type, payloadType).stream().anyMatch(matching));
        return payloads(caseId, type, payloadType).stream().filter(matching).findFirst().orElseThrow();
    }

    private <T> List<T> payloads(String caseId, MessageType type, Class<T> payloadType) {
        return records(caseId, type).stream().map(r -> payloadType.cast(envelope(r).payload())).toList();
    }

    public static Envelope envelope(ConsumerRecord<String, byte[]> record) {
        return CloudEventCodec.read(record.headers(), record.value());
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
