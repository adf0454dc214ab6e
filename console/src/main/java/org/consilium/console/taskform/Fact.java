package org.consilium.console.taskform;

import org.consilium.console.language.StaffWords;

import java.util.Arrays;
import java.util.regex.Pattern;

/** A read-only field of the form (the process's own facts: what failed, the triage's urgency...), shown, never sent. */
public record Fact(String id, String label, String value) {

    public Fact(String label, String value) {
        this(null, label, value);
    }
    /** Codes as the engine keeps them: {@code URGENT}, {@code MAJOR_SURGERY}, {@code thoracic-surgery,radiology}. */
    private static final Pattern CODES = Pattern.compile("[A-Z][A-Z0-9_]*(,[A-Z][A-Z0-9_]*)*|[a-z0-9]+(-[a-z0-9]+)*(,\\s*[a-z0-9]+(-[a-z0-9]+)*)+");

    /** The value in words: a code reads "Major surgery", a list of codes "thoracic surgery, radiology"; text as it is. */
    public String text() {
        if (value == null || value.isBlank()) {
            return "—";
        }
        if (!CODES.matcher(value).matches()) {
            return value;
        }
        return String.join(", ", Arrays.stream(value.split(",")).map(String::trim).map(Fact::words).toList());
    }

    /** The same with each code in the page's language ({@code code.<CODE>}), else as {@link #text()} says it. */
    public String text(StaffWords words) {
        if (value == null || value.isBlank() || !words.chinese()) {
            return text();
        }
        if (!CODES.matcher(value).matches()) {
            // one code ("lung", "URGENT") has its words too; free text stays as written
            return value.strip().matches("[A-Za-z0-9_-]+") ? words.sayOr("code." + value.strip(), text()) : value;
        }
        return String.join(words.say("list.separator"), Arrays.stream(value.split(",")).map(String::trim)
                .map(code -> words.sayOr("code." + code, words(code))).toList());
    }

    private static String words(String code) {
        String spaced = code.replace('_', ' ').replace('-', ' ');
        return code.equals(code.toUpperCase()) ? spaced.charAt(0) + spaced.substring(1).toLowerCase() : spaced;
    }
}
