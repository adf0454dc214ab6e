package org.consilium.bpmn.inbox;

import org.consilium.events.CaseStepFailed;
import org.consilium.events.MessageType;
import org.consilium.events.Topics;
import org.consilium.events.UnreadableMessageException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every record that lands on a dead-letter topic of a case command (a service gave up on it) or of
 * the engine's own events becomes a {@link CaseStepFailed} in the inbox, so the case gets a
 * coordinator task instead of waiting silently for an answer that will never come. Its id comes from
 * the dead letter's place (topic, partition, offset): a redelivered dead letter is stored once. One that names no
 * case, or that the inbox cannot store, goes on to {@code consilium.dead-letters.bpmn.dlt} for ops.
 */
@Component
public class DeadLetterIntake {
    private static final String[] EXCEPTION_MESSAGE = {KafkaHeaders.DLT_EXCEPTION_MESSAGE, "x-exception-message"};
    private static final String[] EXCEPTION_TYPE = {KafkaHeaders.DLT_EXCEPTION_FQCN, "x-exception-fqcn"};
    private static final String[] ORIGINAL_TOPIC = {KafkaHeaders.DLT_ORIGINAL_TOPIC, "x-original-topic"};
    private static final String[] EXCEPTION_STACKTRACE = {KafkaHeaders.DLT_EXCEPTION_STACKTRACE, "x-exception-stacktrace"};
    private static final Pattern HANDLER_PREFIX = Pattern.compile("^error occurred in message handler \\[[^\\]]*\\]; ");
    /** What Spring wraps a consumer's exception in on the way to the binder's dead-letter headers. */
    private static final Pattern WRAPPERS = Pattern.compile(
            "org\\.springframework\\.messaging\\..*|org\\.springframework\\.kafka\\.listener\\.ListenerExecutionFailedException");
    private static final Pattern FIRST_CAUSE = Pattern.compile("(?m)^Caused by: ([\\w.$]+)");

    private final Inbox inbox;

    public DeadLetterIntake(Inbox inbox) {
        this.inbox = inbox;
    }

    public void accept(Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        String topic = text(headers, KafkaHeaders.RECEIVED_TOPIC).orElse("unknown");
        int partition = Integer.parseInt(text(headers, KafkaHeaders.RECEIVED_PARTITION).orElse("0"));
        long offset = Long.parseLong(text(headers, KafkaHeaders.OFFSET).orElse("-1"));
        Optional<String> caseId = text(headers, "ce_subject").or(() -> text(headers, KafkaHeaders.RECEIVED_KEY));
        if (caseId.isEmpty()) {
            // no case to give a task to: not retried, the binder moves it on to this binding's own dead-letter topic
            // (consilium.dead-letters.bpmn.dlt), counted and logged by DeadLetters, where ops see and can replay it
            throw new UnreadableMessageException("dead letter " + topic + "-" + partition + "@" + offset
                    + " names no case (no ce_subject, no key)");
        }
        String originalTopic = first(headers, ORIGINAL_TOPIC).orElse(originalOf(topic));
        String step = text(headers, "ce_type").flatMap(MessageType::fromCeType).map(MessageType::messageName)
                .orElse("an unreadable message");
        inbox.storeFailure(caseId.get(), serviceOf(topic, originalTopic), step, reason(headers),
                new CaseStepFailed.DeadLetter(topic, partition, offset, originalTopic),
                "dead-letter", topic, String.valueOf(partition), String.valueOf(offset));
    }

    /**
     * The exception's type and first line; never its stack trace (it may quote the message's content). The Kafka
     * binder names Spring's wrapper ({@code MessageHandlingException: error occurred in message handler [...]; <why>});
     * the coordinator reads the consumer's own exception instead: the first cause in the stack trace, without the
     * wrapper's prefix.
     */
    static String reason(MessageHeaders headers) {
        String type = first(headers, EXCEPTION_TYPE).orElse("error");
        Optional<String> stackTrace = first(headers, EXCEPTION_STACKTRACE);
        if (WRAPPERS.matcher(type).matches() && stackTrace.isPresent()) {
            Matcher cause = FIRST_CAUSE.matcher(stackTrace.get());
            type = cause.find() ? cause.group(1) : type;
        }
        type = type.substring(type.lastIndexOf('.') + 1);
        String message = first(headers, EXCEPTION_MESSAGE).map(m -> m.lines().findFirst().orElse(""))
                .map(m -> HANDLER_PREFIX.matcher(m).replaceFirst("")).orElse("");
        return "dead-lettered after its retries: " + type + (message.isBlank() ? "" : ": " + message);
    }

    /** {@code error.<topic>.<group>} is a service's dead-letter topic; {@code <topic>.bpmn.dlt} the engine's own. */
    static String serviceOf(String deadLetterTopic, String originalTopic) {
        String prefix = "error." + originalTopic + ".";
        return deadLetterTopic.startsWith(prefix) ? deadLetterTopic.substring(prefix.length()) : "bpmn";
    }

    static String originalOf(String deadLetterTopic) {
        if (deadLetterTopic.endsWith(".bpmn.dlt")) {
            return deadLetterTopic.substring(0, deadLetterTopic.length() - ".bpmn.dlt".length());
        }
        return Topics.ALL.stream().filter(t -> deadLetterTopic.startsWith("error." + t + ".")).findFirst()
                .orElse(deadLetterTopic);
    }

    private static Optional<String> first(MessageHeaders headers, String... names) {
        for (String name : names) {
            Optional<String> value = text(headers, name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
        return Optional.ofNullable(value).map(Object::toString);
    }
}
