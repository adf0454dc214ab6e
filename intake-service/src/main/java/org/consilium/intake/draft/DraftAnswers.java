package org.consilium.intake.draft;

import java.util.List;
import java.util.Map;

/**
 * What a person has typed into the intake so far, field by field, as typed: keys are the intake's own field paths
 * ({@code patient.age}, {@code decisionsAtStake}, {@code previousSecondOpinions[0].date}), values the text of each
 * answer (several for a multiple choice). Nothing is validated until the request is sent ({@code POST /cases}): a draft
 * must keep an answer that is not yet right, or the person loses what they typed. Stored sealed as one value
 * ({@code privacy.SealedPeople}): all of it is the patient's.
 */
public record DraftAnswers(Map<String, List<String>> fields) {
    public DraftAnswers {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
