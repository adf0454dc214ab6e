package org.consilium.console.ask;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The person's unfinished request as intake keeps it ({@code GET /drafts/mine}).
 *
 * @param requestKey sent as the {@code Idempotency-Key} of the request: sent twice, it opens one case; and intake
 *                   deletes the draft with it
 */
public record Draft(String step, Map<String, List<String>> answers, String requestKey, Instant savedAt,
                    Instant expiresAt) {

    public Answers asAnswers() {
        return new Answers(answers);
    }
}
