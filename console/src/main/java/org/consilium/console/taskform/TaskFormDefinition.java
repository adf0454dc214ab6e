package org.consilium.console.taskform;

import java.util.List;
import java.util.Optional;

/**
 * A user task's form as its process model declares it.
 *
 * @param documentation the task's {@code bpmn:documentation}: what the coordinator is asked to do
 * @param fields        its form fields, in the model's order
 */
public record TaskFormDefinition(String documentation, List<FormField> fields) {
    static final TaskFormDefinition NONE = new TaskFormDefinition("", List.of());

    public Optional<FormField> field(String id) {
        return fields.stream().filter(field -> field.id().equals(id)).findFirst();
    }
}
