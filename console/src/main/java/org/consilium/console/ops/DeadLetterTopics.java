package org.consilium.console.ops;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.consilium.events.DeadLetterHeaders;
import org.consilium.events.MessageType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The dead-letter topics on the broker, read as they are (no consumer group: reading for ops moves nobody's offsets)
 * and written back for a replay. Blocking Kafka clients: callers run them on a worker thread ({@link DeadLetterDesk}).
 * <p>
 * Dead-letter topics are those the services' binder writes ({@code error.<topic>.<group>}) and the engine's
 * ({@code <topic>.bpmn.dlt}, and {@code consilium.dead-letters.bpmn.dlt} for a dead letter the engine could not
 * even take in). The newest {@value #NEWEST_PER_PARTITION} of each partition are read: dead letters are rare, and a
 * flood of them is one cause to fix, not ten thousand rows to read.
 */
@Component
class DeadLetterTopics {
    static final int NEWEST_PER_PARTITION = 500;
    private static final Duration CALL = Duration.ofSeconds(10);

    private final String bootstrapServers;

    DeadLetterTopics(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    static boolean isDeadLetterTopic(String topic) {
        return DeadLetterHeaders.isDeadLetterTopic(topic);
    }

    /** Every dead letter still on the broker (the newest of each partition), newest first; no decisions joined. */
    List<DeadLetter> all() {
        try (Admin admin = Admin.create(BrokerAdmin.properties(bootstrapServers)); KafkaConsumer<byte[], byte[]> reader = reader()) {
            List<String> topics = admin.listTopics().names().get(CALL.toSeconds(), TimeUnit.SECONDS).stream()
                    .filter(DeadLetterTopics::isDeadLetterTopic).sorted().toList();
            if (topics.isEmpty()) {
                return List.of();
            }
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                    .get(CALL.toSeconds(), TimeUnit.SECONDS);
            List<TopicPartition> partitions = described.values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition()))).toList();
            return read(reader, partitions);
        } catch (ExecutionException | TimeoutException e) {
            throw new BrokerUnavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailable(e);
        }
    }

    /** The one record at {@code place}, if it is still there. */
    Optional<ConsumerRecord<byte[], byte[]>> record(DeadLetter.Place place) {
        try (KafkaConsumer<byte[], byte[]> reader = reader()) {
            TopicPartition partition = new TopicPartition(place.topic(), place.partition());
            reader.assign(List.of(partition));
            reader.seek(partition, place.offset());
            long deadline = System.nanoTime() + CALL.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(500))) {
                    if (record.offset() == place.offset()) {
                        return Optional.of(record);
                    }
                    if (record.offset() > place.offset()) {
                        return Optional.empty();
                    }
                }
                if (reader.position(partition) > place.offset()) {
                    return Optional.empty(); // compacted or removed by retention
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Sends the record's key, value and message headers back to the topic it came from, without the failure's
     * headers, and waits for every in-sync replica. Its CloudEvents id is unchanged, so a consumer that applied
     * it after all (or a second replay) changes nothing.
     */
    void replay(ConsumerRecord<byte[], byte[]> record, String originalTopic) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) CALL.toMillis());
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL.toMillis() - 1000);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) CALL.toMillis());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(originalTopic, null, record.key(), record.value());
            for (Header header : record.headers()) {
                if (!DeadLetterHeaders.FAILURE_HEADER.matcher(header.key()).matches()) {
                    again.headers().add(header);
                }
            }
            producer.send(again).get(CALL.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new BrokerUnavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailable(e);
        }
    }

    /** The record as a row of the page (no decision yet). */
    static DeadLetter row(ConsumerRecord<byte[], byte[]> record) {
        String topic = record.topic();
        String original = DeadLetterHeaders.first(name -> header(record.headers(), name), DeadLetterHeaders.ORIGINAL_TOPIC)
                .orElse(DeadLetterHeaders.originalOf(topic));
        String type = header(record.headers(), "ce_type")
                .map(ceType -> MessageType.fromCeType(ceType).map(MessageType::messageName).orElse("unknown type " + ceType))
                .orElse("unreadable (no CloudEvents type)");
        // the case is the record's CloudEvents subject; its key may say more (a notification's recipient digest)
        String key = header(record.headers(), "ce_subject")
                .orElseGet(() -> record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8));
        String error = DeadLetterHeaders.reason(name -> header(record.headers(), name));
        return new DeadLetter(new DeadLetter.Place(topic, record.partition(), record.offset()).toString(), topic, original,
                DeadLetterHeaders.groupOf(topic, original), key, type, header(record.headers(), "ce_id").orElse(""),
                error.length() > 300 ? error.substring(0, 300) + "…" : error, Instant.ofEpochMilli(record.timestamp()), null);
    }

    private static Optional<String> header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static List<DeadLetter> read(KafkaConsumer<byte[], byte[]> reader, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions, CALL);
        Map<TopicPartition, Long> begins = reader.beginningOffsets(partitions, CALL);
        List<TopicPartition> withRecords = partitions.stream().filter(p -> ends.get(p) > begins.get(p)).toList();
        List<DeadLetter> rows = new ArrayList<>();
        if (withRecords.isEmpty()) {
            return rows;
        }
        reader.assign(withRecords);
        withRecords.forEach(p -> reader.seek(p, Math.max(begins.get(p), ends.get(p) - NEWEST_PER_PARTITION)));
        long deadline = System.nanoTime() + CALL.toNanos();
        while (System.nanoTime() < deadline && withRecords.stream().anyMatch(p -> reader.position(p) < ends.get(p))) {
            for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(500))) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    rows.add(row(record));
                }
            }
        }
        rows.sort(Comparator.comparing(DeadLetter::at).reversed());
        return rows;
    }

    private KafkaConsumer<byte[], byte[]> reader() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL.toMillis());
        properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL.toMillis() - 1000);
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The broker did not answer in time: the page says so (503) rather than showing an empty list as if all were well. */
    static final class BrokerUnavailable extends RuntimeException {
        BrokerUnavailable(Throwable cause) {
            super("the Kafka broker did not answer within " + CALL.toSeconds() + " s: " + cause.getMessage(), cause);
        }
    }
}
