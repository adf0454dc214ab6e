package org.consilium.console.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * One open user task of the engine, as its REST API gives it ({@code GET /engine-rest/task}); dates in the engine's
 * own format, read by {@link EngineDates}.
 */
public record OpenTask(String id, String name, String assignee, String created, String due,
                       String processInstanceId, String taskDefinitionKey, String processDefinitionId) {

    /** The task's key in the model, as the worklist's rows name it: the page finds the task's name in words by it. */
    public String taskKey() {
        return taskDefinitionKey;
    }

    public Optional<Instant> dueAt() {
        return EngineDates.parse(due);
    }

    public Optional<Instant> createdAt() {
        return EngineDates.parse(created);
    }

    public boolean assignedTo(String username) {
        return username != null && username.equals(assignee);
    }
}
