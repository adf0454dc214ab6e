package org.consilium.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a request could not be read, said in the client's terms: the field, the value and what was
 * expected (“'abc' is not a whole number”), never a Java type ({@code java.lang.Integer},
 * {@code org.consilium...CaseIntake}) — those say nothing to a client and tell an attacker what runs here.
 */
final class RequestReadFailure {
    /** A qualified Java name, with the backquotes Jackson puts around it. */
    private static final Pattern QUALIFIED_NAME =
            Pattern.compile("`?\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][\\w$]*(?:<[^>]*>)?(?:\\[])?`?");
    private static final Pattern ACCEPTED_VALUES = Pattern.compile("accepted for Enum class: (\\[[^]]*])");

    private RequestReadFailure() {
    }

    /** The detail for a body that could not be read; the cause is what Jackson (or the decoder) threw. */
    static String describeBody(Throwable cause) {
        if (cause instanceof MismatchedInputException m && String.valueOf(m.getOriginalMessage()).startsWith("Trailing token")
                || cause instanceof StreamReadException p && afterTheDocument(p)) {
            return "the body must be exactly one JSON document, but more follows it"
                    + at(((JsonProcessingException) cause).getLocation());
        }
        if (cause instanceof StreamReadException parse) {
            return "the body is not valid JSON" + at(parse.getLocation()) + ": " + scrub(parse.getOriginalMessage());
        }
        if (cause instanceof JsonMappingException mapping) {
            String field = field(mapping);
            return (field.isEmpty() ? "" : "field '" + field + "': ") + reason(mapping);
        }
        if (cause instanceof JsonProcessingException json) {
            return scrub(json.getOriginalMessage());
        }
        return cause == null || cause.getMessage() == null ? "the body could not be read" : scrub(firstLine(cause.getMessage()));
    }

    /** A token Jackson could not read where the document was already complete: {@code {...} x}. */
    private static boolean afterTheDocument(StreamReadException problem) {
        JsonParser parser = problem.getProcessor();
        // the root context counts the values begun at the top level: a second one is content after the document
        return parser != null && parser.getParsingContext() != null && parser.getParsingContext().inRoot()
                && parser.getParsingContext().getEntryCount() > 1;
    }

    /** What a value given for a parameter or field of this type should have been. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another kind";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "text";
        }
        if (type == LocalDate.class) {
            return "a date (yyyy-mm-dd)";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class || type == LocalDateTime.class) {
            return "a timestamp (ISO 8601, e.g. 2026-12-01T09:00:00Z)";
        }
        if (type == LocalTime.class) {
            return "a time of day (hh:mm)";
        }
        if (type == Duration.class) {
            return "a duration (ISO 8601, e.g. PT30M)";
        }
        if (ZoneId.class.isAssignableFrom(type)) {
            return "a time zone such as Europe/Paris";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    /** A message from a framework with every qualified Java name taken out. */
    static String scrub(String message) {
        if (message == null) {
            return "";
        }
        return QUALIFIED_NAME.matcher(firstLine(message)).replaceAll("value").replaceAll("\\s*\\[Source: [^]]*]", "");
    }

    private static String reason(JsonMappingException mapping) {
        if (mapping instanceof ValueInstantiationException && mapping.getCause() != null) {
            // the domain's own words (e.g. "unknown cancer type 'spleen'") from a @JsonCreator that refused the value
            return scrub(mapping.getCause().getMessage());
        }
        if (mapping instanceof InvalidFormatException format) {
            Class<?> type = format.getTargetType();
            Matcher accepted = ACCEPTED_VALUES.matcher(String.valueOf(format.getOriginalMessage()));
            String expected = type != null && type.isEnum() && accepted.find() ? "one of " + accepted.group(1) : expected(type);
            return "'" + format.getValue() + "' is not " + expected;
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + expected(mismatch.getTargetType());
        }
        return scrub(mapping.getOriginalMessage());
    }

    private static String field(JsonMappingException mapping) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
