package org.consilium.bpmn.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import org.consilium.bpmn.command.CommandPublisher;
import org.consilium.events.CaseStepFailed;
import org.consilium.events.CloudEventCodec;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.bpmn.logging.CaseLogs;
import org.consilium.bpmn.passes.Wakeup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * What the Kafka consumers do: decode the CloudEvent, store it and wake the correlator, nothing more. The process
 * is not touched on the consumer thread; the {@link InboxCorrelator} applies stored events. An unreadable
 * record or a failed insert throws, so the binder retries and then dead-letters it.
 */
@Component
public class Inbox {
    private static final Logger log = LoggerFactory.getLogger(Inbox.class);
    /** An engine-found failure's reason is a line or two for the coordinator, never a stack trace. */
    private static final int MAX_REASON = 600;

    private final InboxStore store;
    private final InboxProperties properties;
    private final MeterRegistry meters;
    /** Each stored event wakes the correlator once its row is committed (issue 16): no poll between arrival and apply. */
    private final Wakeup arrivals = new Wakeup();

    public Inbox(InboxStore store, InboxProperties properties, MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.meters = meters;
    }

    Wakeup arrivals() {
        return arrivals;
    }

    public void accept(Message<byte[]> message) {
        store(CloudEventCodec.read(message.getHeaders(), message.getPayload()));
    }

    /**
     * A failed step the engine finds itself (a dead letter, an event it cannot apply): stored once per origin
     * (the id is derived from it), its reason cut to a readable length.
     */
    public void storeFailure(String caseId, String service, String step, String reason,
                             CaseStepFailed.DeadLetter deadLetter, String... origin) {
        Instant now = Instant.now();
        String bounded = reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "…";
        store(new Envelope(Envelope.derivedId(origin), MessageType.CASE_STEP_FAILED, CommandPublisher.SOURCE, caseId,
                now, null, new CaseStepFailed(caseId, service, step, bounded, deadLetter, now)));
    }

    /** Keeps the event for the correlator, once per envelope id; types the process does not use are ignored. */
    public void store(Envelope envelope) {
        // the case in every log line of it (the readable line's [case=], the JSON line's MDC), as in the services
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CaseLogs.MDC_KEY, envelope.caseId())) {
            storeOfCase(envelope);
        }
    }

    private void storeOfCase(Envelope envelope) {
        if (!EventVariables.APPLIED_TYPES.contains(envelope.type())) {
            log.debug("case {}: ignoring {}", envelope.caseId(), envelope.type().messageName());
            return;
        }
        Instant now = Instant.now();
        if (store.add(ThinPayloads.of(envelope), now, now.plus(properties.expiry()))) {
            log.info("case {}: stored {} {}", envelope.caseId(), envelope.type().messageName(), envelope.id());
            arrivals.afterCommit();
            if (envelope.payload() instanceof CaseStepFailed failed) {
                meters.counter("consilium.case.step.failures", "service", String.valueOf(failed.service()),
                        "step", String.valueOf(failed.step())).increment();
                log.warn("case {}: {} failed in {}: {}", envelope.caseId(), failed.step(), failed.service(), failed.reason());
            }
        } else {
            log.info("case {}: {} {} was stored before (redelivery)", envelope.caseId(),
                    envelope.type().messageName(), envelope.id());
        }
    }
}
