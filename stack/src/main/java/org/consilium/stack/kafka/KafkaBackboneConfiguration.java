package org.consilium.stack.kafka;

import org.consilium.stack.StackProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One broker inside the launcher (the default), or a cluster of three processes ({@code consilium.stack.brokers=3}). */
@Configuration(proxyBeanMethods = false)
class KafkaBackboneConfiguration {

    @Bean
    KafkaBackbone kafka(StackProperties properties) {
        return properties.brokers() == 1 ? new KafkaBroker(properties) : new KafkaCluster(properties);
    }
}
