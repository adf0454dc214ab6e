package org.consilium.bpmn.support;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The command template with a fault switch: the next n sends really reach the broker, but their
 * acknowledgement is reported as lost, as after a network cut between send and ack.
 */
public class FlakyKafkaTemplate extends KafkaTemplate<String, byte[]> {
    private final AtomicInteger acksToLose = new AtomicInteger();

    public FlakyKafkaTemplate(ProducerFactory<String, byte[]> producerFactory) {
        super(producerFactory);
    }

    public void loseNextAcks(int count) {
        acksToLose.set(count);
    }

    @Override
    public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<SendResult<String, byte[]>> sent = super.send(record);
        if (acksToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return sent.thenCompose(result -> CompletableFuture.failedFuture(new KafkaException("ack lost (test fault)")));
        }
        return sent;
    }
}
