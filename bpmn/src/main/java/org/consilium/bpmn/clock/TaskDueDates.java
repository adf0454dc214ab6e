package org.consilium.bpmn.clock;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.consilium.bpmn.engine.EveryUserTask;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every coordinator task has a clock: a task the model gives no due date gets one when it is created, the task
 * target of the case's urgency ({@code consilium.clock.task-target}) from now. Without it a task such as
 * <em>Review intake</em> could wait for ever showing "no clock", and no list of breached work would ever name it.
 * On every user task of every model the engine deploys ({@link EveryUserTask}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // before TaskEventsPlugin: the opened task is announced with its due date
public class TaskDueDates extends AbstractProcessEnginePlugin {
    private final ClockProperties clock;

    public TaskDueDates(ClockProperties clock) {
        this.clock = clock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryUserTask.on(configuration, TaskListener.EVENTNAME_CREATE, this::onCreate);
    }

    private void onCreate(DelegateTask task) {
        if (task.getDueDate() == null) {
            Object urgency = task.getVariable("urgency");
            long target = clock.taskTarget().of(CaseClock.parse(urgency == null ? null : urgency.toString())).toMillis();
            task.setDueDate(new Date(ClockUtil.getCurrentTime().getTime() + target));
        }
    }
}
