package org.consilium.console.taskform;

import org.consilium.console.language.StaffWords;

/**
 * The engine's refusal of a field ({@code "is required when accepted is false"}) in the words of the form: the
 * coordinator reads labels and answers, not variable names.
 */
final class FieldMessages {
    private static final String REQUIRED_WHEN = "is required when ";

    private FieldMessages() {
    }

    static String readable(FormField field, String message, TaskFormDefinition form) {
        return readable(field, message, form, StaffWords.ENGLISH, null);
    }

    /** In the page's language; the engine's own words (an unknown message) as the engine wrote them. */
    static String readable(FormField field, String message, TaskFormDefinition form, StaffWords words, String taskKey) {
        if (message == null || message.isBlank()) {
            return words.say("form.error.refused");
        }
        if (message.equals("is required")) {
            return words.say("boolean".equals(field.type()) ? "form.error.chooseOne" : "form.error.required");
        }
        if (message.startsWith(REQUIRED_WHEN)) {
            String[] condition = message.substring(REQUIRED_WHEN.length()).split(" is ", 2);
            if (condition.length == 2) {
                boolean answer = Boolean.parseBoolean(condition[1]);
                return form.field(condition[0])
                        .map(choice -> words.say("form.error.requiredWhen",
                                words.choice(taskKey, choice.id(), answer, choice.choiceWord(answer))))
                        .orElse(words.say("form.error.requiredWhenRaw", condition[0], condition[1]));
            }
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1) + (message.endsWith(".") ? "" : ".");
    }
}
