package org.consilium.bpmn.command;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * The producer for commands: case id keys, CloudEvents JSON bytes, every replica acknowledges,
 * idempotent (no broker-side duplicates from producer retries), and bounded so a broker outage
 * fails the job within seconds instead of holding a job-executor thread.
 */
@Configuration(proxyBeanMethods = false)
class CommandProducerConfig {

    @Bean
    ProducerFactory<String, byte[]> commandProducerFactory(KafkaProperties kafka, SslBundles ssl) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties(ssl));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8_000);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "consilium-bpmn-commands");
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    KafkaTemplate<String, byte[]> commandKafkaTemplate(ProducerFactory<String, byte[]> commandProducerFactory) {
        return new KafkaTemplate<>(commandProducerFactory);
    }
}
