package org.consilium.bpmn.tasks;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts {@link TaskAnnouncer} on every user task of every model the engine deploys: opened, (re)assigned, completed,
 * deleted. The task's lifecycle then reaches Kafka through the task outbox (ADR 18), as a model's own listeners would
 * be forgotten on the next user task someone adds.
 */
@Component
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
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    LIFECYCLE.forEach(event -> userTask.getTaskDefinition().addBuiltInTaskListener(event, announcer));
                }
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
    }
}
