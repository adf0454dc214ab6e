package org.consilium.mdt.review;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A coordinator's approval or release of the report. Who decided is the token's user; the body may name them too (a
 * client written before that), and is refused (403 not-yourself) when it names anyone else.
 *
 * @param coordinator optional: the deciding coordinator's username; only where no token names them (tests without
 *                    security) does it name the decider on its own
 * @param version optional: the version the coordinator read; refused (409 stale-report-version) when it is not the one
 *                approved (an edit landed meanwhile) or released, so nobody approves or releases a text unseen
 */
public record CoordinatorRequest(@Size(max = 200) String coordinator, @Positive Integer version) {
}
