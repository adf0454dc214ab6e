package org.consilium.mdt.review;

import java.time.Instant;

/**
 * A question from the patient after the consensus, addressed to the chair.
 *
 * @param id         {@code q1}, {@code q2}, ... within the review
 * @param addressedTo the chair's specialist id
 */
public record FollowUpQuestion(String id, String question, Instant askedAt, String addressedTo, String answer,
                               String answeredBy, Instant answeredAt) {

    FollowUpQuestion answered(String text, String chairName, Instant now) {
        return new FollowUpQuestion(id, question, askedAt, addressedTo, text, chairName, now);
    }
}
