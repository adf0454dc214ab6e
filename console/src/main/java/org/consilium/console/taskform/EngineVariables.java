package org.consilium.console.taskform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The posted form as the engine's {@code submit-form} takes it ({@code {"accepted": {"value": true, "type":
 * "Boolean"}}}), typed by each field's declared type. Read-only fields are never sent (the engine refuses them), a
 * blank is not sent (the engine then says what is required), a field whose choice was not made the way that needs it
 * is dropped (a reason typed and then the answer changed does not travel), and a value that is not of its type is
 * sent as the text it is, for the engine to refuse in its own words.
 */
final class EngineVariables {

    private EngineVariables() {
    }

    static Map<String, Map<String, Object>> of(TaskFormDefinition form, Map<String, String> sent) {
        Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
        for (FormField field : form.fields()) {
            String text = sent.get(field.id());
            if (field.readonly() || text == null || text.isBlank() || !needed(field, sent)) {
                continue;
            }
            variables.put(field.id(), typed(field.type(), text));
        }
        return variables;
    }

    private static boolean needed(FormField field, Map<String, String> sent) {
        return field.requiredWhen().map(when -> String.valueOf(when.answer()).equals(sent.get(when.choice())))
                .orElse(true);
    }

    private static Map<String, Object> typed(String type, String text) {
        String trimmed = text.trim();
        return switch (type) {
            case "boolean" -> trimmed.equals("true") || trimmed.equals("false")
                    ? Map.of("value", Boolean.parseBoolean(trimmed), "type", "Boolean") : Map.of("value", trimmed);
            case "long" -> trimmed.matches("-?\\d{1,18}")
                    ? Map.of("value", Long.parseLong(trimmed), "type", "Long") : Map.of("value", trimmed);
            case "string" -> Map.of("value", text, "type", "String");
            default -> Map.of("value", trimmed);
        };
    }
}
