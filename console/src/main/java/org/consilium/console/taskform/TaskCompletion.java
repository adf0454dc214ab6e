package org.consilium.console.taskform;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.consilium.console.engine.OpenTask;
import org.consilium.console.services.ServiceClients.Engine;
import org.consilium.console.services.ServiceProblem;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads a task's form values and completes it through the engine REST API, with the signed-in user's token (so the
 * engine's history says who decided). Completing claims the task for the coordinator when nobody has: Tasklist asks
 * for a claim first, and a coordinator who filled in the form has taken the task. A task claimed by someone else is
 * refused before the engine is asked: the engine would let any coordinator complete it, the desk does not.
 */
@Component
public class TaskCompletion {
    static final String CLAIMED_BY_SOMEONE_ELSE = "urn:consilium:problem:claimed-by-someone-else";

    private final Engine engine;

    public TaskCompletion(Engine engine) {
        this.engine = engine;
    }

    /** The task's form variables ({@code GET /task/{id}/form-variables}) as the inputs show them. */
    public Mono<Map<String, String>> values(String taskId) {
        return engine.client().get().uri("/task/{id}/form-variables", taskId)
                .retrieve().bodyToMono(JsonNode.class)
                .map(TaskCompletion::asText);
    }

    public Mono<Void> complete(OpenTask task, TaskFormDefinition form, Map<String, String> sent, String username) {
        if (task.assignee() != null && !task.assignedTo(username)) {
            return Mono.error(new ServiceProblem(409, CLAIMED_BY_SOMEONE_ELSE, "Claimed by someone else",
                    "“" + task.name() + "” is claimed by " + task.assignee() + ": only they complete it. Ask them, or "
                            + "unclaim it first if they are away."));
        }
        Mono<Void> claimed = task.assignee() == null
                ? engine.client().post().uri("/task/{id}/claim", task.id()).bodyValue(Map.of("userId", username))
                        .retrieve().toBodilessEntity().then()
                : Mono.empty();
        return claimed.then(engine.client().post().uri("/task/{id}/submit-form", task.id())
                .bodyValue(Map.of("variables", EngineVariables.of(form, sent)))
                .retrieve().toBodilessEntity().then());
    }

    private static Map<String, String> asText(JsonNode variables) {
        Map<String, String> values = new LinkedHashMap<>();
        variables.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue().path("value");
            if (!value.isMissingNode() && !value.isNull()) {
                values.put(entry.getKey(), value.isValueNode() ? value.asText() : value.toString());
            }
        });
        return values;
    }
}
