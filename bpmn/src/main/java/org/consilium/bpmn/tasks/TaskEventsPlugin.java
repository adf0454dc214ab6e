package org.consilium.bpmn.tasks;

import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.consilium.bpmn.engine.EveryUserTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts {@link TaskAnnouncer} on every user task of every model the engine deploys: opened, (re)assigned, completed,
 * deleted. The task's lifecycle then reaches Kafka through the task outbox (ADR 18), as a model's own listeners would
 * be forgotten on the next user task someone adds. Last of the engine's plugins: a task is announced once the
 * others' listeners have made it what it is (its due date: TaskDueDates).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class TaskEventsPlugin extends AbstractProcessEnginePlugin {
    /** Not {@code update}: it follows every assignment too, and would announce each claim twice. */
    private static final List<String> LIFECYCLE = List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
            TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);

    private final TaskListener announcer;

    public TaskEventsPlugin(ObjectProvider<TaskOutbox> outbox) {
        // the outbox is looked up at the first task, not at the engine's configuration (it needs the engine's data source)
        this.announcer = new TaskAnnouncer(() -> outbox.getObject());
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryUserTask.on(configuration, LIFECYCLE, announcer);
    }
}
