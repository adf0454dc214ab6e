package org.consilium.bpmn.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A rule for every user task of every model the engine deploys, put on at parse time (a built-in listener, before
 * the model's own): a task added to a model follows the rule without anyone remembering to declare it there.
 */
public final class EveryUserTask {
    private EveryUserTask() {
    }

    /** Calls {@code listener} on each of {@code events} ({@link TaskListener} event names) of every user task. */
    public static void on(ProcessEngineConfigurationImpl configuration, List<String> events, TaskListener listener) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    events.forEach(event -> userTask.getTaskDefinition().addBuiltInTaskListener(event, listener));
                }
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
    }

    /** Calls {@code listener} on {@code event} of every user task. */
    public static void on(ProcessEngineConfigurationImpl configuration, String event, TaskListener listener) {
        on(configuration, List.of(event), listener);
    }
}
