package org.consilium.bpmn.inbox;

import org.consilium.events.CaseStepFailed;
import org.consilium.events.DeadLetterHeaders;
import org.consilium.events.MessageType;
import org.consilium.events.UnreadableMessageException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Every record that lands on a dead-letter topic of a case command (a service gave up on it) or of
 * the engine's own events becomes a {@link CaseStepFailed} in the inbox, so the case gets a
 * coordinator task instead of waiting silently for an answer that will never come. Its id comes from
 * the dead letter's place (topic, partition, offset): a redelivered dead letter is stored once. One that names no
 * case, or that the inbox cannot store, goes on to {@code consilium.dead-letters.bpmn.dlt} for ops.
 */
@Component
public class DeadLetterIntake {

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
        String originalTopic = DeadLetterHeaders.first(name -> text(headers, name), DeadLetterHeaders.ORIGINAL_TOPIC)
                .orElse(originalOf(topic));
        String step = text(headers, "ce_type").flatMap(MessageType::fromCeType).map(MessageType::messageName)
                .orElse("an unreadable message");
        inbox.storeFailure(caseId.get(), serviceOf(topic, originalTopic), step, reason(headers),
                new CaseStepFailed.DeadLetter(topic, partition, offset, originalTopic),
                "dead-letter", topic, String.valueOf(partition), String.valueOf(offset));
    }

    /** The exception's type and first line, as {@link DeadLetterHeaders#reason} reads them. */
    static String reason(MessageHeaders headers) {
        return "dead-lettered after its retries: " + DeadLetterHeaders.reason(name -> text(headers, name));
    }

    /** {@code error.<topic>.<group>} is a service's dead-letter topic; {@code <topic>.bpmn.dlt} the engine's own. */
    static String serviceOf(String deadLetterTopic, String originalTopic) {
        return DeadLetterHeaders.groupOf(deadLetterTopic, originalTopic);
    }

    static String originalOf(String deadLetterTopic) {
        return DeadLetterHeaders.originalOf(deadLetterTopic);
    }

    private static Optional<String> text(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
        return Optional.ofNullable(value).map(Object::toString);
    }
}
