package org.consilium.mdt.review;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.consilium.events.Recipient;

import java.time.Instant;

/**
 * A question from the patient after the consensus, addressed to the chair.
 *
 * @param id          {@code q1}, {@code q2}, ... within the review
 * @param addressedTo the chair's specialist id
 * @param replyTo     who gets the answer (sealed at rest); never shown in the review
 */
public record FollowUpQuestion(String id, String question, Instant askedAt, String addressedTo, String answer,
                               String answeredBy, Instant answeredAt, @JsonIgnore Recipient replyTo) {

    FollowUpQuestion answered(String text, String chairName, Instant now) {
        return new FollowUpQuestion(id, question, askedAt, addressedTo, text, chairName, now, replyTo);
    }

    boolean open() {
        return answer == null;
    }
}
