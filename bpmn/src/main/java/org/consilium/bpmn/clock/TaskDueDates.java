package org.consilium.bpmn.clock;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Every coordinator task has a clock: a task the model gives no due date gets one when it is created, the task
 * target of the case's urgency ({@code consilium.clock.task-target}) from now. Without it a task such as
 * <em>Review intake</em> could wait for ever showing "no clock", and no list of breached work would ever name it.
 * On every user task of every model the engine deploys, as {@code FormAnswersPlugin} puts its check, so a task
 * added to a model is on the clock without anyone remembering to say so.
 */
@Component
public class TaskDueDates extends AbstractProcessEnginePlugin {
    private final ClockProperties clock;

    public TaskDueDates(ClockProperties clock) {
        this.clock = clock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        TaskListener dueDate = this::onCreate;
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, dueDate);
                }
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
    }

    private void onCreate(DelegateTask task) {
        if (task.getDueDate() == null) {
            Object urgency = task.getVariable("urgency");
            long target = clock.taskTarget().of(CaseClock.parse(urgency == null ? null : urgency.toString())).toMillis();
            task.setDueDate(new Date(ClockUtil.getCurrentTime().getTime() + target));
        }
    }
}
