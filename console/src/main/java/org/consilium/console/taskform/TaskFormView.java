package org.consilium.console.taskform;

import java.util.List;

import org.consilium.console.engine.OpenTask;

/**
 * A task's form as the case page renders it.
 *
 * @param facts   the read-only fields with their values
 * @param inputs  the fields the coordinator fills in (a choice's dependent fields nested in it)
 * @param refusal why the last submission was refused, in words, when it names no field (or as the summary); null
 *                when nothing was refused
 */
public record TaskFormView(OpenTask task, String documentation, List<Fact> facts, List<InputView> inputs,
                           String refusal) {

    public String domId() {
        return "task-" + task.id();
    }

    public boolean refused() {
        return refusal != null;
    }

    /** Every input with an error, nested ones included: the summary at the form's top links to each. */
    public List<InputView> invalidInputs() {
        return inputs.stream().flatMap(input -> java.util.stream.Stream.concat(java.util.stream.Stream.of(input),
                input.revealed().stream())).filter(InputView::invalid).toList();
    }
}
