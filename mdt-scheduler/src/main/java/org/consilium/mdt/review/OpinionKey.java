package org.consilium.mdt.review;

/**
 * An {@code Idempotency-Key} an opinion was given with, so that the same submission sent again (a double click, a
 * weak connection that lost the answer) is answered without being recorded twice or announced twice, and a different
 * opinion under the same key is refused. Kept on the review beside the opinions, never shown.
 *
 * @param fingerprint the request's {@code RequestFingerprint}
 * @param replaced    whether that submission replaced an earlier opinion of the member (so a retry gets the same status)
 */
record OpinionKey(String specialistId, String key, String fingerprint, boolean replaced) {
    /** How many keys a review keeps: far more than a panel gives opinions; the oldest go first. */
    static final int KEPT = 100;
}
