package org.consilium.bpmn.taskform;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.consilium.bpmn.engine.EveryUserTask;
import org.springframework.stereotype.Component;

/** Puts {@link FormAnswersCheck} on the completion of every user task of every model the engine deploys. */
@Component
public class FormAnswersPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryUserTask.on(configuration, TaskListener.EVENTNAME_COMPLETE, new FormAnswersCheck());
    }
}
