package org.consilium.console.taskform;

import java.util.Map;

/**
 * A submission of a task's form that was refused: what the coordinator sent (shown again, nothing typed is lost)
 * and what was wrong with it.
 *
 * @param sent        the form's fields as posted
 * @param fieldErrors field id → the engine's refusal of it
 * @param refusal     the refusal in words when it names no field (claimed by someone else, task gone...), else null
 * @param status      the HTTP status the page is answered with
 */
public record Attempt(String taskId, Map<String, String> sent, Map<String, String> fieldErrors, String refusal,
                      int status) {
}
