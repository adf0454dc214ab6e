package org.consilium.console.ask;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * What the person has typed so far, field by field and as typed (intake keeps it as their draft): values are never
 * corrected or dropped here, so a page shown again shows exactly what was written.
 */
public record Answers(Map<String, List<String>> fields) {
    public static final Answers NONE = new Answers(Map.of());

    public Answers {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    /** The first answer to a field, {@code ""} when none. */
    public String first(String field) {
        List<String> values = fields.get(field);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    public List<String> all(String field) {
        return fields.getOrDefault(field, List.of());
    }

    public boolean has(String field, String value) {
        return all(field).contains(value);
    }

    /** Whether any of a step's fields has an answer. */
    public boolean started(AskStep step) {
        return step.fields().stream().anyMatch(field -> !first(field).isBlank());
    }

    /**
     * These answers with one step's as just posted: the step's fields are replaced as a whole (a box left unticked is
     * sent as nothing, so it must clear the earlier tick), anything posted that the step does not ask is ignored, and
     * empty answers are not kept.
     */
    public Answers withStep(AskStep step, MultiValueMap<String, String> posted) {
        Map<String, List<String>> merged = new LinkedHashMap<>(fields);
        for (String field : step.fields()) {
            merged.remove(field);
            List<String> values = posted.getOrDefault(field, List.of()).stream()
                    .filter(value -> value != null && !value.isBlank()).toList();
            if (!values.isEmpty()) {
                merged.put(field, values);
            }
        }
        return new Answers(merged);
    }
}
