package org.consilium.bpmn.inbox;

import org.consilium.events.CloudEventCodec;
import org.consilium.events.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * What the Kafka consumers do: decode the CloudEvent and store it, nothing more. The process is not
 * touched on the consumer thread; the {@link InboxCorrelator} applies stored events. An unreadable
 * record or a failed insert throws, so the binder retries and then dead-letters it.
 */
@Component
public class Inbox {
    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final InboxStore store;
    private final InboxProperties properties;

    public Inbox(InboxStore store, InboxProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    public void accept(Message<byte[]> message) {
        Envelope envelope = CloudEventCodec.read(message.getHeaders(), message.getPayload());
        if (!EventVariables.APPLIED_TYPES.contains(envelope.type())) {
            log.debug("case {}: ignoring {}", envelope.caseId(), envelope.type().messageName());
            return;
        }
        Instant now = Instant.now();
        if (store.add(envelope, now, now.plus(properties.expiry()))) {
            log.info("case {}: stored {} {}", envelope.caseId(), envelope.type().messageName(), envelope.id());
        } else {
            log.info("case {}: {} {} was stored before (redelivery)", envelope.caseId(),
                    envelope.type().messageName(), envelope.id());
        }
    }
}
