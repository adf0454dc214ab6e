package org.consilium.intake.request;

import jakarta.validation.constraints.NotNull;

/** {@code POST /cases/{id}/consent}: grant or withdraw consent for one purpose. */
public record ConsentDecision(@NotNull ConsentPurpose purpose, @NotNull Boolean granted) {
}
