package org.consilium.console.room;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service's refusal of a field in the form's words: the Bean Validation defaults mdt-scheduler answers with
 * ("must not be null", "must not be blank") say what a developer checks, not what the person should do. Anything
 * else is the service's own sentence and is shown as it is.
 */
final class FieldWords {

    private FieldWords() {
    }

    static Map<String, String> of(Map<String, String> refused) {
        Map<String, String> words = new LinkedHashMap<>();
        refused.forEach((field, message) -> words.put(field, of(message)));
        return words;
    }

    static String of(String message) {
        if (message == null) {
            return "";
        }
        return switch (message.strip()) {
            case "must not be null" -> "Required: choose one.";
            case "must not be blank", "must not be empty" -> "Required: write it here.";
            default -> message;
        };
    }
}
