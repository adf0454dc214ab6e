package org.consilium.intake.draft;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The caller's unfinished request as {@code GET /drafts/mine} answers it.
 *
 * @param requestKey send the request with this {@code Idempotency-Key}: a repeated send opens no second case, and
 *                   the send deletes this draft
 * @param expiresAt  when it is deleted unless changed before
 */
public record DraftView(String step, Map<String, List<String>> answers, String requestKey, Instant startedAt,
                        Instant savedAt, Instant expiresAt) {
    static DraftView of(IntakeDraft draft) {
        return new DraftView(draft.step(), draft.answers().fields(), draft.requestKey(), draft.startedAt(),
                draft.savedAt(), draft.expiresAt());
    }
}
