package org.consilium.records.collection;

import java.time.Instant;

/**
 * A coordinator's waiver of an item or override of completeness: who, when and why. {@code by} is
 * a free name until authentication exists; then it becomes the authenticated user.
 */
public record CoordinatorDecision(String by, String reason, Instant at) {
}
