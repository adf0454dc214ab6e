package org.consilium.bpmn.command;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.consilium.events.CloudEventCodec;
import org.consilium.events.Envelope;
import org.consilium.bpmn.logging.CaseLogs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes an envelope to every topic of its type and waits for the broker's acknowledgement, so
 * that a failed send fails the engine job (which is then retried with the same envelope id).
 */
@Component
public class CommandPublisher {
    public static final String SOURCE = "/consilium/bpmn";
    private static final Logger log = LoggerFactory.getLogger(CommandPublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final MeterRegistry meters;
    private final Duration ackTimeout;
    private final CommandSpans spans;

    public CommandPublisher(KafkaTemplate<String, byte[]> kafka, MeterRegistry meters,
                            @Value("${consilium.commands.ack-timeout:10s}") Duration ackTimeout, CommandSpans spans) {
        this.kafka = kafka;
        this.meters = meters;
        this.ackTimeout = ackTimeout;
        this.spans = spans;
    }

    /** Sends within a span of its own, a child of the envelope's traceparent (the cause), which it then carries. */
    public Envelope publish(Envelope envelope) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CaseLogs.MDC_KEY, envelope.caseId())) {
            return spans.inSpan(envelope, this::send);
        }
    }

    private Envelope send(Envelope envelope) {
        List<CompletableFuture<?>> acks = new ArrayList<>();
        try {
            for (ProducerRecord<String, byte[]> record : CloudEventCodec.toRecords(envelope)) {
                acks.add(kafka.send(record));
            }
        } catch (RuntimeException e) { // e.g. no broker metadata within max.block.ms
            throw new CommandNotSentException(envelope, e);
        }
        for (CompletableFuture<?> ack : acks) {
            await(ack, envelope);
        }
        meters.counter("consilium.commands.sent", "type", envelope.type().messageName()).increment();
        log.info("case {}: sent {} {} to {}", envelope.caseId(), envelope.type().messageName(), envelope.id(),
                envelope.type().topics());
        return envelope;
    }

    private void await(CompletableFuture<?> ack, Envelope envelope) {
        try {
            ack.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandNotSentException(envelope, e);
        } catch (ExecutionException e) {
            throw new CommandNotSentException(envelope, e.getCause());
        } catch (TimeoutException e) {
            throw new CommandNotSentException(envelope, e);
        }
    }
}
