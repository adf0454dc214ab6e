package org.consilium.intake.request;

import java.time.Instant;

/** One entry of a case's consent history: a purpose granted or withdrawn, and when. */
public record ConsentChange(ConsentPurpose purpose, boolean granted, Instant at) {
}
