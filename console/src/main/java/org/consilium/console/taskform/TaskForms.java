package org.consilium.console.taskform;

import org.consilium.console.language.StaffWords;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.consilium.console.engine.OpenTask;

/**
 * Builds a task's form from its declaration in the model, generically by field type, so a task added to the BPMN
 * gets a working form without a page of its own: read-only fields become facts, the others inputs, and a field
 * required by a choice ({@code requiredWhen}) goes inside that choice.
 */
public final class TaskForms {

    private TaskForms() {
    }

    /**
     * @param engineValues the task's form variables as text (the engine's current values and defaults)
     * @param attempt      the refused submission of this task, if any: its values replace the engine's
     */
    public static TaskFormView view(OpenTask task, TaskFormDefinition form, Map<String, String> engineValues,
                                    Optional<Attempt> attempt) {
        return view(task, form, engineValues, attempt, StaffWords.ENGLISH);
    }

    /** The same, the console's own words (refusals, messages) in the page's language. */
    public static TaskFormView view(OpenTask task, TaskFormDefinition form, Map<String, String> engineValues,
                                    Optional<Attempt> attempt, StaffWords words) {
        Map<String, String> values = attempt.map(Attempt::sent).orElse(engineValues);
        Map<String, String> errors = attempt.map(Attempt::fieldErrors).orElse(Map.of());
        List<Fact> facts = form.fields().stream().filter(FormField::readonly)
                .map(field -> new Fact(field.id(), field.labelOrId(), engineValues.getOrDefault(field.id(), ""))).toList();
        Set<String> choices = form.fields().stream().filter(f -> !f.readonly() && "boolean".equals(f.type()))
                .map(FormField::id).collect(Collectors.toSet());
        List<InputView> inputs = new ArrayList<>();
        for (FormField field : form.fields()) {
            if (field.readonly() || dependsOnChoice(field, choices)) {
                continue;
            }
            List<InputView> revealed = form.fields().stream()
                    .filter(other -> !other.readonly() && other.requiredWhen().map(w -> w.choice().equals(field.id())).orElse(false))
                    .map(other -> input(task, other, values, errors, form, List.of(), words)).toList();
            inputs.add(input(task, field, values, errors, form, revealed, words));
        }
        String refusal = attempt.map(Attempt::refusal).orElse(null);
        if (refusal == null && !errors.isEmpty()) {
            refusal = errors.size() == 1 ? words.say("form.refused.one") : words.say("form.refused.many", errors.size());
        }
        return new TaskFormView(task, form.documentation(), facts, List.copyOf(inputs), refusal);
    }

    private static boolean dependsOnChoice(FormField field, Set<String> choices) {
        return field.requiredWhen().map(when -> choices.contains(when.choice())).orElse(false);
    }

    private static InputView input(OpenTask task, FormField field, Map<String, String> values, Map<String, String> errors,
                                   TaskFormDefinition form, List<InputView> revealed, StaffWords words) {
        String error = errors.containsKey(field.id())
                ? FieldMessages.readable(field, errors.get(field.id()), form, words, task.taskDefinitionKey()) : null;
        String value = values.getOrDefault(field.id(), "");
        return new InputView("t-" + task.id() + "-" + field.id(), field, value == null ? "" : value, error, revealed);
    }
}
