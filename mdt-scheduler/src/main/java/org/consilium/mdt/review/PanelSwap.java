package org.consilium.mdt.review;

import java.time.Instant;

/**
 * A coordinator's change of one panel seat.
 *
 * @param replacedId the member who left the seat; null when the swap filled an uncovered discipline
 */
public record PanelSwap(String discipline, String replacedId, String specialistId, String reason, Instant swappedAt) {
}
