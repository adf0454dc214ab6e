package org.consilium.console.taskform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.consilium.console.engine.OpenTask;
import org.consilium.console.services.ServiceClients.Engine;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The forms of the deployed process models, read once per process definition with the signed-in user's token: a
 * deployed definition never changes (a new model is a new definition id), so what was parsed is kept. The engine's
 * authorizations still apply to every read (a coordinator may read definitions, bpmn {@code EngineAccess}).
 */
@Component
public class TaskFormDefinitions {
    /** Definitions kept at most: versions of two processes; the cache starts over beyond it rather than grow. */
    private static final int KEPT = 64;

    private final Engine engine;
    private final Map<String, Map<String, TaskFormDefinition>> byDefinition = new ConcurrentHashMap<>();

    public TaskFormDefinitions(Engine engine) {
        this.engine = engine;
    }

    public Mono<TaskFormDefinition> of(OpenTask task) {
        if (task.processDefinitionId() == null) {
            return Mono.just(TaskFormDefinition.NONE);
        }
        Map<String, TaskFormDefinition> known = byDefinition.get(task.processDefinitionId());
        Mono<Map<String, TaskFormDefinition>> forms = known != null ? Mono.just(known) : read(task.processDefinitionId());
        return forms.map(all -> all.getOrDefault(task.taskDefinitionKey(), TaskFormDefinition.NONE));
    }

    private Mono<Map<String, TaskFormDefinition>> read(String definitionId) {
        return engine.client().get().uri("/process-definition/{id}/xml", definitionId)
                .retrieve().bodyToMono(JsonNode.class)
                .map(body -> BpmnForms.parse(body.path("bpmn20Xml").asText("")))
                .doOnNext(forms -> {
                    if (byDefinition.size() >= KEPT) {
                        byDefinition.clear();
                    }
                    byDefinition.put(definitionId, forms);
                });
    }
}
