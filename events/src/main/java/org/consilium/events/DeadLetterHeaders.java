package org.consilium.events;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a dead letter's headers and topic say about it, read the same way by the engine (which turns a dead letter
 * into a coordinator task) and the console (ops's dead-letter page): where it came from, which group gave up, and
 * why in one line. Spring Kafka writes {@code kafka_dlt-*} headers, the Cloud Stream binder {@code x-*} ones.
 */
public final class DeadLetterHeaders {
    public static final List<String> ORIGINAL_TOPIC = List.of("kafka_dlt-original-topic", "x-original-topic");
    private static final List<String> EXCEPTION_MESSAGE = List.of("kafka_dlt-exception-message", "x-exception-message");
    private static final List<String> EXCEPTION_TYPE = List.of("kafka_dlt-exception-fqcn", "x-exception-fqcn");
    private static final List<String> EXCEPTION_STACKTRACE = List.of("kafka_dlt-exception-stacktrace", "x-exception-stacktrace");
    /** The headers that describe the failure, not the message: a replay leaves them behind. */
    public static final Pattern FAILURE_HEADER = Pattern.compile("(kafka_dlt-|x-exception-|x-original-).*");
    private static final String ENGINE_SUFFIX = ".bpmn.dlt";
    private static final Pattern HANDLER_PREFIX = Pattern.compile("^error occurred in message handler \\[[^\\]]*\\]; ");
    /** What Spring wraps a consumer's exception in on the way to the binder's dead-letter headers. */
    private static final Pattern WRAPPERS = Pattern.compile(
            "org\\.springframework\\.messaging\\..*|org\\.springframework\\.kafka\\.listener\\.ListenerExecutionFailedException");
    private static final Pattern FIRST_CAUSE = Pattern.compile("(?m)^Caused by: ([\\w.$]+)");

    private DeadLetterHeaders() {
    }

    /** A service's {@code error.<topic>.<group>}, or the engine's {@code <topic>.bpmn.dlt}. */
    public static boolean isDeadLetterTopic(String topic) {
        return topic.startsWith("error.") && topic.length() > "error.".length() || topic.endsWith(ENGINE_SUFFIX);
    }

    /** The topic a dead letter came from, by its dead-letter topic's name (the headers say it too, and win). */
    public static String originalOf(String deadLetterTopic) {
        if (deadLetterTopic.endsWith(ENGINE_SUFFIX)) {
            return deadLetterTopic.substring(0, deadLetterTopic.length() - ENGINE_SUFFIX.length());
        }
        return Topics.ALL.stream().filter(t -> deadLetterTopic.startsWith("error." + t + ".")).findFirst()
                .orElse(deadLetterTopic);
    }

    /** The consumer group that gave up: the rest of {@code error.<topic>.<group>}, or {@code bpmn}. */
    public static String groupOf(String deadLetterTopic, String originalTopic) {
        String prefix = "error." + originalTopic + ".";
        return deadLetterTopic.startsWith(prefix) ? deadLetterTopic.substring(prefix.length()) : "bpmn";
    }

    /** The first of {@code names} that {@code header} has. */
    public static Optional<String> first(Function<String, Optional<String>> header, List<String> names) {
        return names.stream().map(header).flatMap(Optional::stream).findFirst();
    }

    /**
     * The consumer's own exception's simple type and the first line of its message; never its stack trace (it may
     * quote the message's content). The binder names Spring's wrapper ({@code MessageHandlingException: error
     * occurred in message handler [...]; <why>}): the first cause in the stack trace is named instead, without the
     * wrapper's prefix.
     */
    public static String reason(Function<String, Optional<String>> header) {
        String type = first(header, EXCEPTION_TYPE).orElse("error");
        Optional<String> stackTrace = first(header, EXCEPTION_STACKTRACE);
        if (WRAPPERS.matcher(type).matches() && stackTrace.isPresent()) {
            Matcher cause = FIRST_CAUSE.matcher(stackTrace.get());
            type = cause.find() ? cause.group(1) : type;
        }
        type = type.substring(type.lastIndexOf('.') + 1);
        String message = first(header, EXCEPTION_MESSAGE).map(m -> m.lines().findFirst().orElse(""))
                .map(m -> HANDLER_PREFIX.matcher(m).replaceFirst("")).orElse("");
        return type + (message.isBlank() ? "" : ": " + message);
    }
}
