package org.consilium.console.pages;

import java.time.Duration;

/** A duration as the pages say it: "3 d 4 h", "2 h 5 min", "45 min"; at least a minute. */
public final class Durations {

    private Durations() {
    }

    public static String of(Duration duration) {
        Duration d = duration.abs();
        if (d.toDays() > 0) {
            return d.toDays() + " d " + d.toHoursPart() + " h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return Math.max(1, d.toMinutes()) + " min";
    }
}
