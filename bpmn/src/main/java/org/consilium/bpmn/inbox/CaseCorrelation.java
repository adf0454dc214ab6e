package org.consilium.bpmn.inbox;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.consilium.bpmn.casefile.CaseVariables;
import org.consilium.bpmn.followup.StartFollowUpAdapter;
import org.consilium.events.ConsentChanged;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Applies one stored event to the engine: CaseSubmitted starts the case (once per case id),
 * every other event is correlated by business key = case id to the execution waiting for it, except
 * RecordsIncomplete, which sets the variables missingItems / staleItems on the running instance.
 */
@Component
public class CaseCorrelation {
    public static final String PROCESS_KEY = "second-opinion-case";

    public enum Outcome {
        APPLIED,
        /** CaseSubmitted for a case that already has (or had) an instance. */
        CASE_EXISTS,
        /** No execution of the case waits for this message (yet). */
        NOT_WAITING,
        /** A state event (RecordsIncomplete) older than the one last applied to the case. */
        SUPERSEDED
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
                .setVariables(EventVariables.of(envelope, today));
        if (envelope.type() == MessageType.CASE_SUBMITTED) {
            if (everStarted(caseId)) {
                return Outcome.CASE_EXISTS;
            }
            correlation.correlateStartMessage();
            return Outcome.APPLIED;
        }
        if (envelope.type() == MessageType.RECORDS_INCOMPLETE) {
            return applyState(envelope, caseId, today, CaseVariables.RECORDS_INCOMPLETE_AT);
        }
        if (envelope.type() == MessageType.CONSENT_CHANGED) {
            return applyState(envelope, caseId, today,
                    CaseVariables.consentChangedAt(envelope.payload(ConsentChanged.class).purpose()));
        }
        if (envelope.type() == MessageType.CASE_STEP_FAILED) {
            return failed(envelope, caseId, message, today);
        }
        if (waits(caseId, message)) {
            correlation.correlate();
            return Outcome.APPLIED;
        }
        String followUp = StartFollowUpAdapter.businessKey(caseId);
        if (envelope.type() == MessageType.CASE_WITHDRAWN && waits(followUp, message)) {
            // the case was delivered and has ended: a withdrawal ends its follow-up
            runtime.createMessageCorrelation(message).processInstanceBusinessKey(followUp)
                    .setVariables(EventVariables.of(envelope, today)).correlate();
            return Outcome.APPLIED;
        }
        return Outcome.NOT_WAITING;
    }

    /**
     * A failed step opens its own "Resolve a failed step" scope with the failure's variables local to it,
     * on the case or, once the case has ended, on its follow-up.
     */
    private Outcome failed(Envelope envelope, String caseId, String message, LocalDate today) {
        for (String businessKey : java.util.List.of(caseId, StartFollowUpAdapter.businessKey(caseId))) {
            if (waits(businessKey, message)) {
                runtime.createMessageCorrelation(message).processInstanceBusinessKey(businessKey)
                        .setVariablesLocal(EventVariables.of(envelope, today)).correlate();
                return Outcome.APPLIED;
            }
        }
        return Outcome.NOT_WAITING;
    }

    private boolean waits(String businessKey, String message) {
        return runtime.createExecutionQuery().processInstanceBusinessKey(businessKey)
                .messageEventSubscriptionName(message).count() > 0;
    }

    /**
     * A state event waits for no BPMN message: it sets variables on the running instance of the case.
     * Only the newest applies: one older (by its own time, kept in {@code atVariable}) than the last
     * applied is superseded.
     */
    private Outcome applyState(Envelope envelope, String caseId, LocalDate today, String atVariable) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(caseId).singleResult();
        if (instance == null) {
            return Outcome.NOT_WAITING; // not started yet (stays pending) or ended (discarded)
        }
        Map<String, Object> variables = EventVariables.of(envelope, today);
        Instant at = instant(variables.get(atVariable), envelope.time());
        Instant applied = instant(runtime.getVariable(instance.getId(), atVariable), null);
        if (applied != null && at.isBefore(applied)) {
            return Outcome.SUPERSEDED;
        }
        variables.put(atVariable, at.toString());
        runtime.setVariables(instance.getId(), variables);
        return Outcome.APPLIED;
    }

    private static Instant instant(Object value, Instant otherwise) {
        return value == null ? otherwise : Instant.parse(value.toString());
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
