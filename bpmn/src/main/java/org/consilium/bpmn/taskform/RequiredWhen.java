package org.consilium.bpmn.taskform;

import java.util.Set;

/**
 * The form property {@code requiredWhen}: a field required, and not blank, when a choice of the same form was made.
 * {@code requiredWhen = "declineCase"} means when {@code declineCase} is true; {@code "accepted=false"} when
 * {@code accepted} is false (Review intake's reason goes with declining). A choice that needs its reason (declining a
 * case needs the words the patient will read) is refused without it rather than taken with an empty one. Read by the
 * engine REST API's check (with a problem per field) and by {@link FormAnswersCheck} (whatever door the answer came
 * through).
 *
 * @param choice the boolean field that decides
 * @param wanted the answer that makes the field required
 */
public record RequiredWhen(String choice, boolean wanted) {

    public static final String PROPERTY = "requiredWhen";

    /** The property's value as written in the model. */
    public static RequiredWhen parse(String condition) {
        int equals = condition.indexOf('=');
        return equals < 0 ? new RequiredWhen(condition.trim(), true)
                : new RequiredWhen(condition.substring(0, equals).trim(),
                Boolean.parseBoolean(condition.substring(equals + 1).trim()));
    }

    /** Whether the answer given to the choice ({@code true}, {@code false}, or their text) makes the field required. */
    public boolean appliesTo(Object chosen) {
        String answer = chosen == null ? null : chosen.toString();
        return answer != null && Set.of("true", "false").contains(answer) && Boolean.parseBoolean(answer) == wanted;
    }

    /** The field's value is not there, or blank. */
    public static boolean isMissing(Object value) {
        return value == null || value.toString().isBlank();
    }

    public String message() {
        return "is required when " + choice + " is " + wanted;
    }
}
