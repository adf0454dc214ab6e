package org.consilium.console.ops;

import java.time.Instant;

/**
 * One record on a dead-letter topic, as ops may see it: where it lies, what it was, why its consumer gave up, and
 * what was decided about it. Never its content (ops sees no case content): the payload stays on the topic.
 *
 * @param place         {@link Place} as text, the record's id on the page and in the decisions
 * @param topic         the dead-letter topic ({@code error.<topic>.<group>}, or the engine's {@code <topic>.bpmn.dlt})
 * @param originalTopic where it came from, and where a replay sends it
 * @param group         the consumer group that gave up on it, as the topic's name says
 * @param caseId        its key: the case
 * @param type          its CloudEvents type ({@code ce_type})
 * @param eventId       its CloudEvents id ({@code ce_id}): what every consumer deduplicates on, so a replay is applied once
 * @param error         the exception's type and first line, from the binder's headers
 * @param at            when it was dead-lettered
 * @param decision      replayed or discarded, by whom and why; null while open
 */
public record DeadLetter(String place, String topic, String originalTopic, String group, String caseId, String type,
                         String eventId, String error, Instant at, DeadLetterDecision decision) {

    boolean open() {
        return decision == null;
    }

    DeadLetter decided(DeadLetterDecision made) {
        return new DeadLetter(place, topic, originalTopic, group, caseId, type, eventId, error, at, made);
    }

    /** Where a record lies: topic, partition, offset; written {@code topic/partition/offset}. */
    public record Place(String topic, int partition, long offset) {

        static Place parse(String text) {
            int last = text == null ? -1 : text.lastIndexOf('/');
            int middle = last <= 0 ? -1 : text.lastIndexOf('/', last - 1);
            if (middle <= 0) {
                throw new IllegalArgumentException("not topic/partition/offset: " + text);
            }
            try {
                return new Place(text.substring(0, middle), Integer.parseInt(text.substring(middle + 1, last)),
                        Long.parseLong(text.substring(last + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not topic/partition/offset: " + text, e);
            }
        }

        @Override
        public String toString() {
            return topic + "/" + partition + "/" + offset;
        }
    }
}
