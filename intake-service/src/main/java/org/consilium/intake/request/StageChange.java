package org.consilium.intake.request;

import java.time.Instant;

public record StageChange(Stage stage, Instant at) {
}
