package org.consilium.bpmn.rest;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine's REST API ({@code /engine-rest}) as Camunda's starter builds it, plus what makes its
 * client errors ours: the URL and the JSON body keep the services' text rule ({@link EngineUrlText}), a JSON body is
 * an object or a list ({@link JsonBodyShape}), a task is completed only with the variables its form asks for
 * ({@link TaskFormCheck}), and every error is an {@code application/problem+json} like the other
 * services' ({@link EngineRestProblems}). Replaces the starter's own resource config (it steps back
 * when one exists).
 */
@Component
public class EngineRestResources extends CamundaJerseyResourceConfig {
    private final TaskService tasks;
    private final FormService forms;

    public EngineRestResources(TaskService tasks, FormService forms) {
        this.tasks = tasks;
        this.forms = forms;
    }

    @Override
    protected void registerAdditionalResources() {
        // the door's checks first (ADR 14): a body or URL no caller may send is refused before it is looked up
        register(new EngineUrlText(), jakarta.ws.rs.Priorities.HEADER_DECORATOR);
        register(new JsonBodyShape(), jakarta.ws.rs.Priorities.HEADER_DECORATOR);
        register(new TaskFormCheck(tasks, forms));
        register(new EngineRestProblems());
    }
}
