package org.consilium.bpmn.support;

import org.consilium.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.ProducerFactory;

import java.util.ArrayList;
import java.util.List;

/** Kafka clients of the tests, with the lifetime of the (shared) Spring context. */
@TestConfiguration(proxyBeanMethods = false)
public class TestKafkaClients {
    public static final List<String> DEAD_LETTER_TOPICS = List.of(ProcessTestSupport.CASE_EVENTS_DLT,
            ProcessTestSupport.RECORDS_EVENTS_DLT, ProcessTestSupport.MDT_EVENTS_DLT,
            ProcessTestSupport.NOTIFICATION_EVENTS_DLT, ProcessTestSupport.DEAD_LETTER_INTAKE_DLT);

    @Bean
    @Primary
    FlakyKafkaTemplate flakyKafkaTemplate(ProducerFactory<String, byte[]> commandProducerFactory) {
        return new FlakyKafkaTemplate(commandProducerFactory);
    }

    @Bean(destroyMethod = "close")
    EventProducer eventProducer(@Value("${spring.embedded.kafka.brokers}") String brokers) {
        return new EventProducer(brokers);
    }

    @Bean(destroyMethod = "close")
    CommandTap commandTap(@Value("${spring.embedded.kafka.brokers}") String brokers) {
        List<String> topics = new ArrayList<>(Topics.ALL);
        topics.addAll(DEAD_LETTER_TOPICS);
        return new CommandTap(brokers, topics);
    }
}
