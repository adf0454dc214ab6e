package org.consilium.mdt.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A coordinator's approval or release of the report.
 *
 * @param version optional: the version the coordinator read; refused (409 stale-report-version) when it is not the one
 *                approved (an edit landed meanwhile) or released, so nobody approves or releases a text unseen
 */
public record CoordinatorRequest(@NotBlank @Size(max = 200) String coordinator, @Positive Integer version) {
}
