package org.consilium.support.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The meters a real Kafka consumer registers, through the filter the services' registries get. */
class KafkaClientMetersTest {

    @Test
    void aConsumersSocketAndLoginBookkeepingIsLeftOutAndWhatSaysItKeepsUpStays() {
        Set<String> all = meters(new SimpleMeterRegistry());
        SimpleMeterRegistry filtered = new SimpleMeterRegistry();
        filtered.config().meterFilter(KafkaClientMeters.withoutSocketDetail());
        Set<String> kept = meters(filtered);

        assertThat(all).contains("kafka.consumer.successful.authentication.total", "kafka.consumer.select.rate",
                "kafka.consumer.io.wait.ratio", "kafka.consumer.incoming.byte.total", "kafka.consumer.request.size.avg");
        assertThat(kept).contains("kafka.consumer.fetch.manager.records.lag.max",
                "kafka.consumer.fetch.manager.records.consumed.total", "kafka.consumer.coordinator.rebalance.total",
                "kafka.consumer.connection.count", "kafka.consumer.time.between.poll.max",
                "kafka.consumer.coordinator.commit.latency.avg");
        assertThat(kept).noneMatch(name -> name.contains("authentication") || name.contains(".select.")
                || name.contains(".io.") || name.contains("going.byte") || name.startsWith("kafka.consumer.request."));
        assertThat(kept.size()).as("left out of %s", all.size()).isLessThan(all.size() * 2 / 3);
    }

    private static Set<String> meters(SimpleMeterRegistry registry) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                ConsumerConfig.GROUP_ID_CONFIG, "meters");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer()); KafkaClientMetrics metrics = new KafkaClientMetrics(consumer)) {
            metrics.bindTo(registry);
            return registry.getMeters().stream().map(Meter::getId).map(Meter.Id::getName).collect(Collectors.toSet());
        }
    }
}
