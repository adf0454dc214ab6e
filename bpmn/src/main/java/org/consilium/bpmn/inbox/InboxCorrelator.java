package org.consilium.bpmn.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.consilium.bpmn.inbox.CaseCorrelation.Outcome;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.bpmn.logging.CaseLogs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Applies stored events to the process, each in its own transaction together with the status change of its row: a
 * case's events one after another, different cases side by side ({@link CaseLanes}). An event no execution waits for
 * yet stays pending and is retried with a capped exponential back-off, so an early event applies soon after its wait
 * state is reached; an event for an ended case is discarded; one still pending after the expiry is marked expired.
 */
@Component
public class InboxCorrelator implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(InboxCorrelator.class);

    private final InboxStore store;
    private final CaseCorrelation correlation;
    private final InboxProperties properties;
    private final TransactionTemplate transaction;
    private final Counter expired;
    private final Inbox inbox;
    private final CaseLanes lanes;

    public InboxCorrelator(InboxStore store, CaseCorrelation correlation, InboxProperties properties,
                           PlatformTransactionManager transactionManager, MeterRegistry meters, Inbox inbox) {
        this.store = store;
        this.correlation = correlation;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
        this.inbox = inbox;
        this.lanes = new CaseLanes(properties.threads());
        this.expired = Counter.builder("consilium.inbox.expired").description("inbox events that expired unapplied")
                .register(meters);
    }

    /** One pass: run by {@link InboxBindings#inboxCorrelation}, woken by each arrival, else every poll interval. */
    public void applyDue() {
        Instant now = Instant.now();
        List<InboxEntry> expiredNow = store.expire(now);
        if (!expiredNow.isEmpty()) {
            expired.increment(expiredNow.size());
            log.warn("{} inbox event(s) expired unapplied", expiredNow.size());
            expiredNow.forEach(entry -> stalled(entry, "no step of the case waited for it within "
                    + properties.expiry() + " (expired unapplied; ops can replay it: POST /api/inbox/{id}/replay)"));
        }
        lanes.run(store.due(now, properties.batchSize()), this::apply);
    }

    @Override
    public void destroy() {
        lanes.close();
    }

    @Scheduled(fixedDelayString = "${consilium.inbox.purge-interval:1h}", initialDelayString = "${consilium.inbox.purge-interval:1h}")
    public void purgeFinished() {
        int purged = store.purgeFinished(Instant.now().minus(properties.retention()));
        if (purged > 0) {
            log.info("purged {} finished inbox rows older than {}", purged, properties.retention());
        }
    }

    void apply(InboxEntry entry) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CaseLogs.MDC_KEY, entry.caseId())) {
            applyOfCase(entry);
        }
    }

    private void applyOfCase(InboxEntry entry) {
        Envelope envelope;
        try {
            envelope = entry.toEnvelope();
        } catch (RuntimeException unreadable) {
            store.finish(entry.envelopeId(), InboxStatus.DEAD, Instant.now(), "unreadable: " + unreadable.getMessage());
            return;
        }
        try {
            Outcome outcome = transaction.execute(tx -> {
                Instant now = Instant.now();
                if (!store.claim(entry.envelopeId(), now)) {
                    return null; // applied meanwhile (another node)
                }
                Outcome result = correlation.apply(envelope, LocalDate.now(ZoneOffset.UTC));
                if (result == Outcome.NOT_WAITING) {
                    tx.setRollbackOnly();
                } else if (result == Outcome.CASE_EXISTS) {
                    store.finish(entry.envelopeId(), InboxStatus.DISCARDED, now, "the case already has an instance");
                } else if (result == Outcome.SUPERSEDED) {
                    store.finish(entry.envelopeId(), InboxStatus.DISCARDED, now,
                            "superseded: a newer " + entry.type().messageName() + " was applied");
                }
                return result;
            });
            if (outcome == Outcome.NOT_WAITING) {
                transaction.executeWithoutResult(tx -> nobodyWaits(entry));
            } else if (outcome != null) {
                log.info("case {}: {} {} {}", entry.caseId(), outcome == Outcome.APPLIED ? "applied" : "discarded",
                        entry.type().messageName(), entry.envelopeId());
            }
        } catch (MismatchingMessageCorrelationException nobodyWaits) {
            transaction.executeWithoutResult(tx -> nobodyWaits(entry));
        } catch (OptimisticLockingException concurrentJob) { // the instance moved meanwhile: just try again
            transaction.executeWithoutResult(tx -> store.retryLater(entry.envelopeId(),
                    Instant.now().plus(properties.backoff(0)), concurrentJob.getMessage(), false));
        } catch (RuntimeException e) {
            transaction.executeWithoutResult(tx -> failed(entry, e));
        }
    }

    private void nobodyWaits(InboxEntry entry) {
        Instant now = Instant.now();
        if (correlation.hasEnded(entry.caseId())) {
            store.finish(entry.envelopeId(), InboxStatus.DISCARDED, now, "the case has ended");
            log.info("case {}: discarded {} {}, the case has ended", entry.caseId(), entry.type().messageName(),
                    entry.envelopeId());
        } else {
            store.retryLater(entry.envelopeId(), now.plus(properties.backoff(entry.attempts())),
                    "no execution waits for " + entry.type().messageName() + " yet", false);
        }
    }

    /**
     * An event the case needed and will not get by itself (dead, or expired with the case still running) is a
     * failed step of the case (ADR 13), so a coordinator hears of it; never for a failure event itself.
     */
    private void stalled(InboxEntry entry, String reason) {
        if (entry.type() == MessageType.CASE_STEP_FAILED) {
            log.error("case {}: the failure {} could not be applied either: {}", entry.caseId(), entry.envelopeId(), reason);
            return;
        }
        inbox.storeFailure(entry.caseId(), "bpmn", entry.type().messageName(), reason, null, "inbox", entry.envelopeId());
    }

    private void failed(InboxEntry entry, RuntimeException error) {
        Instant now = Instant.now();
        if (entry.failures() + 1 >= properties.maxFailures()) {
            store.finish(entry.envelopeId(), InboxStatus.DEAD, now, error.toString());
            stalled(entry, "the engine could not apply it (" + (entry.failures() + 1) + " attempts): "
                    + error.toString().lines().findFirst().orElse(""));
            log.error("case {}: {} {} is dead after {} failures", entry.caseId(), entry.type().messageName(),
                    entry.envelopeId(), entry.failures() + 1, error);
        } else {
            store.retryLater(entry.envelopeId(), now.plus(properties.backoff(entry.attempts())), error.toString(), true);
            log.warn("case {}: applying {} {} failed, retrying: {}", entry.caseId(), entry.type().messageName(),
                    entry.envelopeId(), error.toString());
        }
    }
}
