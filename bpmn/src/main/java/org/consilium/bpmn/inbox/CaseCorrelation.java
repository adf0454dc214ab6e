package org.consilium.bpmn.inbox;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Applies one stored event to the engine: CaseSubmitted starts the case (once per case id),
 * every other event is correlated by business key = case id to the execution waiting for it.
 */
@Component
public class CaseCorrelation {
    public static final String PROCESS_KEY = "second-opinion-case";

    public enum Outcome {
        APPLIED,
        /** CaseSubmitted for a case that already has (or had) an instance. */
        CASE_EXISTS,
        /** No execution of the case waits for this message (yet). */
        NOT_WAITING
    }

    private final RuntimeService runtime;
    private final HistoryService history;

    public CaseCorrelation(RuntimeService runtime, HistoryService history) {
        this.runtime = runtime;
        this.history = history;
    }

    /**
     * Checks for a waiting execution first, so that an early event does not make the engine fail
     * (and log) a correlation on every retry. A subscription that disappears between the check and
     * the correlation still ends in {@link org.camunda.bpm.engine.MismatchingMessageCorrelationException}.
     */
    public Outcome apply(Envelope envelope, LocalDate today) {
        String caseId = envelope.caseId();
        String message = envelope.type().messageName();
        var correlation = runtime.createMessageCorrelation(message).processInstanceBusinessKey(caseId)
                .setVariables(EventVariables.of(envelope.payload(), today));
        if (envelope.type() == MessageType.CASE_SUBMITTED) {
            if (everStarted(caseId)) {
                return Outcome.CASE_EXISTS;
            }
            correlation.correlateStartMessage();
            return Outcome.APPLIED;
        }
        if (runtime.createExecutionQuery().processInstanceBusinessKey(caseId).messageEventSubscriptionName(message)
                .count() == 0) {
            return Outcome.NOT_WAITING;
        }
        correlation.correlate();
        return Outcome.APPLIED;
    }

    public boolean isRunning(String caseId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(caseId).count() > 0;
    }

    /** An instance for the case existed and none runs any more: nothing can wait for an event again. */
    public boolean hasEnded(String caseId) {
        return !isRunning(caseId) && everStarted(caseId);
    }

    private boolean everStarted(String caseId) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(caseId).count() > 0;
    }
}
