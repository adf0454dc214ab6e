package org.consilium.bpmn.tasks;

import java.time.Instant;
import java.util.Date;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.consilium.bpmn.casefile.CaseVariables;
import org.consilium.events.CaseMessage;
import org.consilium.events.TaskAssigned;
import org.consilium.events.TaskClosed;
import org.consilium.events.TaskOpened;

/**
 * Writes each lifecycle step of a user task into the task outbox, inside the engine's transaction: a rolled-back
 * claim announces nothing, a committed one is announced even if the broker is down at that moment.
 */
final class TaskAnnouncer implements TaskListener {
    private final Supplier<TaskOutbox> outbox;

    TaskAnnouncer(Supplier<TaskOutbox> outbox) {
        this.outbox = outbox;
    }

    @Override
    public void notify(DelegateTask task) {
        String caseId = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        if (caseId == null) {
            return; // a process started without a case: nothing a case's read model could show
        }
        Instant now = Instant.now();
        CaseMessage event = switch (task.getEventName()) {
            case EVENTNAME_CREATE -> new TaskOpened(caseId, task.getId(), task.getTaskDefinitionKey(), task.getName(),
                    task.getProcessInstanceId(), task.getAssignee(), urgency(task), instant(task.getCreateTime(), now),
                    instant(task.getDueDate(), null), null);
            case EVENTNAME_ASSIGNMENT -> new TaskAssigned(caseId, task.getId(), task.getAssignee(), now);
            case EVENTNAME_COMPLETE -> new TaskClosed(caseId, task.getId(), true, task.getAssignee(), now);
            case EVENTNAME_DELETE -> new TaskClosed(caseId, task.getId(), false, null, now);
            default -> null;
        };
        if (event != null) {
            // the case's trace: the event that opened the task, or the request that completed it (CompletedTaskTrace
            // sets it first), so the console's read model and ops follow a task's steps in the case's traces
            Object traceparent = task.getVariable(CaseVariables.TRACEPARENT);
            outbox.get().add(event, now, traceparent instanceof String t ? t : null);
        }
    }

    private static String urgency(DelegateTask task) {
        Object urgency = task.getVariable(CaseVariables.URGENCY);
        return urgency == null ? null : urgency.toString();
    }

    private static Instant instant(Date date, Instant otherwise) {
        return date == null ? otherwise : date.toInstant();
    }
}
