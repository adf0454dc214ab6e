package org.consilium.bpmn.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.consilium.bpmn.command.CommandPublisher;
import org.consilium.events.CaseMessage;
import org.consilium.events.Envelope;
import org.consilium.events.SendNotification;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Sends a message from a sending task. The envelope id is derived from process instance, activity
 * and a per-activity pass counter kept as a process variable: a retried job rolls the counter back
 * with everything else, so it re-sends the same id (consumers deduplicate it); a second pass through
 * the activity (a loop, a repeated reminder) gets a new id.
 */
@Component
public class CaseCommands {
    static final String PASS_COUNTER_PREFIX = "sendCount_";

    private final CommandPublisher publisher;

    public CaseCommands(CommandPublisher publisher) {
        this.publisher = publisher;
    }

    public Envelope send(DelegateExecution execution, CaseMessage message) {
        if (message instanceof SendNotification notification
                && !notification.purpose().undeclared(notification.parameters()).isEmpty()) {
            // a name the template does not read would be dropped in silence: a model error, an incident instead
            throw new IllegalStateException(notification.purpose() + " does not declare the parameters "
                    + notification.purpose().undeclared(notification.parameters()) + " (NotificationPurpose)");
        }
        String activityId = execution.getCurrentActivityId();
        String counter = PASS_COUNTER_PREFIX + activityId;
        int pass = execution.getVariable(counter) instanceof Number previous ? previous.intValue() + 1 : 1;
        execution.setVariable(counter, pass);
        String id = Envelope.derivedId(execution.getProcessInstanceId(), activityId, String.valueOf(pass));
        // the trace of the event that moved the case here (a process variable: the job runs long after, elsewhere)
        Object cause = execution.getVariable(CaseVariables.TRACEPARENT);
        return publisher.publish(Envelope.of(message, id, CommandPublisher.SOURCE, Instant.now())
                .withTraceparent(cause instanceof String traceparent ? traceparent : null));
    }
}
