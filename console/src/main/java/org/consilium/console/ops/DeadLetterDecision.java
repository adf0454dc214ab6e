package org.consilium.console.ops;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What ops decided about a dead letter, kept so the page shows it and nobody replays it again by mistake, and as
 * the audit of the decision: who, when, why. The record itself stays on its topic until the topic's retention ends.
 *
 * @param place  the dead letter ({@link DeadLetter.Place} as text)
 * @param action replayed to its topic, or discarded
 * @param by     the ops user, from their token
 * @param reason why (required to discard: a record nobody will apply must say why)
 * @param at     when
 */
@Document("deadLetterDecisions")
public record DeadLetterDecision(@Id String place, Action action, String by, String reason, Instant at) {

    public enum Action { REPLAYED, DISCARDED }
}
