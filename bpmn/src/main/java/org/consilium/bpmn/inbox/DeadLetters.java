package org.consilium.bpmn.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Called by the Kafka binder for every record it sends to a dead-letter topic: counts it and keeps
 * the original partition (the dead-letter topics have as many partitions as their sources).
 */
@Component
public class DeadLetters implements DlqPartitionFunction {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final MeterRegistry meters;

    public DeadLetters(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Integer apply(String group, ConsumerRecord<?, ?> record, Throwable error) {
        meters.counter("consilium.inbox.dead.letters", "topic", record.topic()).increment();
        Object key = record.key() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : record.key();
        log.error("dead-lettering {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(), key,
                error == null ? "" : rootCause(error));
        return record.partition();
    }

    private static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.toString();
    }
}
