package org.consilium.bpmn.command;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.consilium.events.CaseStepFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sends a dead-lettered record back to the topic it came from, as it was (same key, value and
 * CloudEvents headers, so the same {@code ce_id}): the consumer never applied it (it failed), so it
 * applies it now, and applies it once even if the replay itself is repeated. The dead-letter headers
 * are left behind.
 */
@Component
public class DeadLetterReplay {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final Duration FIND_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaProperties kafka;
    private final SslBundles ssl;
    private final KafkaTemplate<String, byte[]> template;

    public DeadLetterReplay(KafkaProperties kafka, SslBundles ssl, KafkaTemplate<String, byte[]> commandKafkaTemplate) {
        this.kafka = kafka;
        this.ssl = ssl;
        this.template = commandKafkaTemplate;
    }

    public void replay(CaseStepFailed.DeadLetter deadLetter) {
        ConsumerRecord<String, byte[]> record = find(deadLetter);
        ProducerRecord<String, byte[]> again = new ProducerRecord<>(deadLetter.originalTopic(), null, record.key(),
                record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt-") && !header.key().startsWith("x-")) {
                again.headers().add(header);
            }
        }
        try {
            template.send(again).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not replay " + deadLetter + ": " + e.getMessage(), e);
        }
        log.info("replayed dead letter {}-{}@{} to {} (key {})", deadLetter.topic(), deadLetter.partition(),
                deadLetter.offset(), deadLetter.originalTopic(), record.key());
    }

    private ConsumerRecord<String, byte[]> find(CaseStepFailed.DeadLetter deadLetter) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties(ssl));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG); // read one record; commit nothing
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        TopicPartition partition = new TopicPartition(deadLetter.topic(), deadLetter.partition());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, deadLetter.offset());
            Instant until = Instant.now().plus(FIND_TIMEOUT);
            while (Instant.now().isBefore(until)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500)).records(partition)) {
                    if (record.offset() == deadLetter.offset()) {
                        return record;
                    }
                }
            }
        }
        throw new IllegalStateException("dead letter " + deadLetter + " not found (deleted by retention?)");
    }
}
