package org.consilium.stack.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A producer with acks=all sending a numbered record every few milliseconds, and one member of a consumer group
 * reading them and committing after every poll, each on its own thread: what a service does, at a steady pace.
 */
final class Traffic implements AutoCloseable {

    private static final Duration PACE = Duration.ofMillis(10);

    private final String bootstrap;
    private final String topic;
    private final String group;
    private final AtomicBoolean producing = new AtomicBoolean(true);
    private final AtomicBoolean consuming = new AtomicBoolean(true);
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    /** value -> when it was sent and when its acknowledgement came (nanoTime). */
    private final Map<String, long[]> acknowledged = new ConcurrentHashMap<>();
    private final Collection<String> read = new ConcurrentLinkedQueue<>();
    private final Thread producer;
    private final Thread consumer;

    Traffic(String bootstrap, String topic, String group) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.group = group;
        this.producer = new Thread(this::produce, "traffic-producer");
        this.consumer = new Thread(this::consume, "traffic-consumer");
    }

    void start() {
        consumer.start();
        producer.start();
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    int failedCount() {
        return failed.get();
    }

    int sentCount() {
        return sent.get();
    }

    Map<String, long[]> acknowledged() {
        return acknowledged;
    }

    List<String> read() {
        return new ArrayList<>(read);
    }

    /** Stops sending and waits for every send in flight to be answered (acknowledged or failed). */
    void stopProducing() throws InterruptedException {
        producing.set(false);
        producer.join(Duration.ofSeconds(90).toMillis());
    }

    @Override
    public void close() throws InterruptedException {
        producing.set(false);
        consuming.set(false);
        producer.join(Duration.ofSeconds(90).toMillis());
        consumer.join(Duration.ofSeconds(60).toMillis());
    }

    private void produce() {
        try (KafkaProducer<String, String> kafka = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            while (producing.get()) {
                int number = sent.getAndIncrement();
                String value = "record-" + number;
                long sentAt = System.nanoTime();
                kafka.send(new ProducerRecord<>(topic, "case-" + (number % 30), value), (metadata, error) -> {
                    if (error == null) {
                        acknowledged.put(value, new long[] {sentAt, System.nanoTime()});
                    } else {
                        failed.incrementAndGet();
                    }
                });
                Thread.sleep(PACE.toMillis());
            }
            kafka.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void consume() {
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            kafka.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // what was read is committed before the partitions may go: the next owner starts after it
                    commit(kafka);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                }
            });
            while (consuming.get()) {
                boolean any = false;
                for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(200))) {
                    read.add(record.value());
                    any = true;
                }
                if (any) {
                    commit(kafka);
                }
            }
            commit(kafka);
        }
    }

    /** Until it is stored: a coordinator that died with its node is found again on a later try. */
    private void commit(KafkaConsumer<String, String> kafka) {
        for (int attempt = 1; ; attempt++) {
            try {
                kafka.commitSync();
                return;
            } catch (org.apache.kafka.common.errors.RetriableException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }
}
