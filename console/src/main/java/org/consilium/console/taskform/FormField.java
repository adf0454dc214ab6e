package org.consilium.console.taskform;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One field of a user task's form as the process model declares it ({@code camunda:formField}): what the console
 * renders an input from. The engine validates the same declaration when the form is submitted (bpmn
 * {@code TaskFormCheck}), so the page and the engine agree on what is required.
 *
 * @param type        the engine's form type: {@code string}, {@code boolean}, {@code long}, {@code date},
 *                    {@code enum}, or a custom one (rendered as a line of text)
 * @param constraints the names of its validation constraints ({@code required}, {@code readonly}, ...)
 * @param properties  its form properties: {@code requiredWhen}, {@code choiceTrue}, {@code choiceFalse}
 * @param values      an enum's values, id → name, in the model's order
 */
public record FormField(String id, String label, String type, String defaultValue, Set<String> constraints,
                        Map<String, String> properties, Map<String, String> values) {

    public boolean required() {
        return constraints.contains("required");
    }

    public boolean readonly() {
        return constraints.contains("readonly");
    }

    public String labelOrId() {
        return label == null || label.isBlank() ? id : label;
    }

    /** The words of a boolean's two answers: a decision reads "Accept the case / Decline it", not a bare checkbox. */
    public String choiceWord(boolean answer) {
        String word = properties.get(answer ? "choiceTrue" : "choiceFalse");
        return word != null && !word.isBlank() ? word : answer ? "Yes" : "No";
    }

    /** {@code requiredWhen}: {@code declineCase} (when true) or {@code accepted=false}, as the engine reads it. */
    public Optional<RequiredWhen> requiredWhen() {
        String condition = properties.get("requiredWhen");
        if (condition == null || condition.isBlank()) {
            return Optional.empty();
        }
        int equals = condition.indexOf('=');
        return Optional.of(equals < 0 ? new RequiredWhen(condition.trim(), true)
                : new RequiredWhen(condition.substring(0, equals).trim(), Boolean.parseBoolean(condition.substring(equals + 1).trim())));
    }

    /** This field is required when the boolean field {@code choice} is answered {@code answer}. */
    public record RequiredWhen(String choice, boolean answer) {
    }
}
