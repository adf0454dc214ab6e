package org.consilium.console.taskform;

/**
 * The engine's refusal of a field ({@code "is required when accepted is false"}) in the words of the form: the
 * coordinator reads labels and answers, not variable names.
 */
final class FieldMessages {
    private static final String REQUIRED_WHEN = "is required when ";

    private FieldMessages() {
    }

    static String readable(FormField field, String message, TaskFormDefinition form) {
        if (message == null || message.isBlank()) {
            return "The engine refused this value.";
        }
        if (message.equals("is required")) {
            return "boolean".equals(field.type()) ? "Choose one of the answers: it is required." : "Required: fill this in.";
        }
        if (message.startsWith(REQUIRED_WHEN)) {
            String[] condition = message.substring(REQUIRED_WHEN.length()).split(" is ", 2);
            if (condition.length == 2) {
                return form.field(condition[0])
                        .map(choice -> "Required when you choose “" + choice.choiceWord(Boolean.parseBoolean(condition[1]))
                                + "”: write it here.")
                        .orElse("Required when " + condition[0] + " is " + condition[1] + ".");
            }
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1) + (message.endsWith(".") ? "" : ".");
    }
}
