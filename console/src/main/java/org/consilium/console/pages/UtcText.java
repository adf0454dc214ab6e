package org.consilium.console.pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** An instant as the pages write it: minutes, in UTC, the zone named (the viewer's own zone comes with part 2). */
public final class UtcText {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private UtcText() {
    }

    public static String of(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }
}
