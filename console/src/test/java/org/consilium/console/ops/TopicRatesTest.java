package org.consilium.console.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Each topic's messages in the last minute and per minute over the last quarter hour, from a real broker (KRaft, in
 * this JVM): records timestamped now, ten minutes ago and an hour ago count where they belong.
 */
class TopicRatesTest {
    private static EmbeddedKafkaKraftBroker kafka;

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafkaKraftBroker(1, 2, "busy", "quiet");
        kafka.afterPropertiesSet();
    }

    @AfterAll
    static void stop() {
        kafka.destroy();
    }

    @Test
    void countsWhatEachTopicTookInTheLastMinuteAndTheLastQuarterHour() throws Exception {
        long now = System.currentTimeMillis();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()), new StringSerializer(), new StringSerializer())) {
            // in the order of their time, as a topic's records come
            for (int i = 0; i < 15; i++) {
                producer.send(new ProducerRecord<>("busy", null, now - Duration.ofMinutes(10).toMillis(), "case-" + i, "earlier")).get();
            }
            for (int i = 0; i < 6; i++) {
                producer.send(new ProducerRecord<>("busy", null, now - 1_000, "case-" + i, "now")).get();
            }
            producer.send(new ProducerRecord<>("quiet", null, now - Duration.ofHours(1).toMillis(), "case-x", "long ago")).get();
        }

        List<TopicRates.Row> rows = new TopicRates(kafka.getBrokersAsString(), Clock.systemUTC()).all();

        assertThat(rows).extracting(TopicRates.Row::topic).containsExactly("busy", "quiet");
        TopicRates.Row busy = rows.get(0);
        assertThat(busy.lastMinute()).isEqualTo(6);
        assertThat(busy.perMinuteOver15()).isEqualTo(1.4); // 21 in 15 minutes
        assertThat(busy.held()).isEqualTo(21);
        assertThat(busy.partitions()).isEqualTo(2);
        TopicRates.Row quiet = rows.get(1);
        assertThat(quiet.lastMinute()).isZero();
        assertThat(quiet.perMinuteOver15()).isZero();
        assertThat(quiet.held()).isEqualTo(1);
    }
}
