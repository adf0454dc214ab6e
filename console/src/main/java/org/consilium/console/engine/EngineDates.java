package org.consilium.console.engine;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The engine REST API writes dates as {@code 2026-12-06T07:12:41.000+0000}: an offset without a colon. */
public final class EngineDates {
    private static final DateTimeFormatter ENGINE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private EngineDates() {
    }

    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text, ENGINE).toInstant());
        } catch (DateTimeParseException notTheEnginesFormat) {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        }
    }
}
