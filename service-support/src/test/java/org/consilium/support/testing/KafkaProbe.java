package org.consilium.support.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.consilium.events.CaseMessage;
import org.consilium.events.CloudEventCodec;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.awaitility.Awaitility.await;

/** Publishes CloudEvents records and reads what services published, as another service would. */
public final class KafkaProbe {
    private KafkaProbe() {
    }

    public static Envelope publish(CaseMessage message) {
        return publish(Envelope.of(message, UUID.randomUUID().toString(), "/consilium/test", Instant.now()));
    }

    public static Envelope publish(Envelope envelope) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> record : CloudEventCodec.toRecords(envelope)) {
                producer.send(record).get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + envelope, e);
        }
        return envelope;
    }

    /** Every record on the topic so far, from the beginning of every partition. */
    public static List<ConsumerRecord<String, byte[]>> records(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    public static List<Envelope> envelopes(MessageType type, String caseId) {
        return type.topics().stream().distinct().flatMap(topic -> records(topic).stream())
                .map(r -> CloudEventCodec.read(r.headers(), r.value()))
                .filter(e -> e.type() == type && e.caseId().equals(caseId))
                .toList();
    }

    /** Waits until the type was published for the case, and returns its payload. */
    public static <T extends CaseMessage> T awaitPublished(MessageType type, String caseId, Class<T> payloadType) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> envelopes(type, caseId), l -> !l.isEmpty())
                .get(0).payload(payloadType);
    }
}
