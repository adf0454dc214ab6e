package org.consilium.support.inbound;

import org.consilium.events.CloudEventCodec;
import org.consilium.events.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Turns a reactive handler of envelopes into a Spring Cloud Stream consumer. The consumer runs on
 * the binder's listener thread (never an event loop), so waiting for the handler is safe; an
 * exception makes the binder retry and, when retries are spent, dead-letter the record; one that only says the
 * store is out of reach is first waited out.
 */
public final class InboundMessages {
    private static final Logger log = LoggerFactory.getLogger(InboundMessages.class);
    private static final Duration HANDLER_TIMEOUT = Duration.ofSeconds(30);

    private InboundMessages() {
    }

    public static Consumer<Message<byte[]>> consumer(Function<Envelope, Mono<?>> handler) {
        return consumer(handler, StoreOutageWait.DEFAULT);
    }

    static Consumer<Message<byte[]>> consumer(Function<Envelope, Mono<?>> handler, StoreOutageWait outageWait) {
        return message -> {
            Envelope envelope = CloudEventCodec.read(message.getHeaders(), message.getPayload());
            MDC.put("caseId", envelope.caseId());
            try {
                log.debug("applying {} {}", envelope.type().messageName(), envelope.id());
                // a store outage is waited out here instead of dead-lettering the message (StoreOutageWait)
                outageWait.run(() -> handler.apply(envelope).block(HANDLER_TIMEOUT),
                        envelope.type().messageName() + " " + envelope.id());
            } finally {
                MDC.remove("caseId");
            }
        };
    }
}
