package org.consilium.console.taskform;

import org.consilium.console.language.StaffWords;

import java.util.List;

/**
 * One input of a task's form as the page renders it, chosen by the field's type: a boolean is a choice between two
 * answers in words (radio buttons in a fieldset), a string a text area (every editable text of the models is a note
 * or a reason), a long a number, an enum a list to pick from, anything else a line of text.
 *
 * @param domId    unique on the page (several tasks' forms may be on one case page)
 * @param value    what the input shows: the engine's value, or what the coordinator sent when it was refused
 * @param error    the engine's refusal of this field, in words; {@code null} when none
 * @param revealed the fields this choice makes required ({@code requiredWhen}), rendered inside its fieldset and
 *                 shown when the answer that needs them is chosen
 */
public record InputView(String domId, FormField field, String value, String error, List<InputView> revealed) {

    public String kind() {
        return switch (field.type()) {
            case "boolean" -> "choice";
            case "enum" -> "select";
            case "long" -> "number";
            case "string" -> "text";
            default -> "line";
        };
    }

    public boolean invalid() {
        return error != null;
    }

    public String errorId() {
        return domId + "-error";
    }

    public boolean chosen(boolean answer) {
        return String.valueOf(answer).equals(value);
    }

    /** The answer that reveals this choice's dependent fields ("false" for Review intake's decline). */
    public String revealsOn() {
        return revealed.isEmpty() ? "" : String.valueOf(revealed.get(0).field().requiredWhen().orElseThrow().answer());
    }

    /** "Required when you choose “Decline it (out of scope)”", for a field revealed by a choice. */
    public String requiredHint(FormField choice) {
        return requiredHint(choice, StaffWords.ENGLISH, null);
    }

    /** The same in the page's language, the choice's answer as the page says it. */
    public String requiredHint(FormField choice, StaffWords words, String taskKey) {
        return field.requiredWhen().map(when -> words.say("form.hint.requiredWhen",
                words.choice(taskKey, choice.id(), when.answer(), choice.choiceWord(when.answer())))).orElse("");
    }
}
