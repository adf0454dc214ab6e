package org.consilium.mdt.directory;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * A weekly window in which a specialist can join a live session, in the specialist's own zone.
 *
 * @param from local start, {@code HH:mm}
 * @param to   local end, {@code HH:mm}, after {@code from} (windows do not span midnight)
 */
public record AvailabilityWindow(@NotNull DayOfWeek day,
                                 @NotNull @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d") String from,
                                 @NotNull @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d") String to) {

    /** Whether [start, end) in the specialist's zone lies inside this window. */
    boolean covers(ZonedDateTime start, ZonedDateTime end) {
        return start.getDayOfWeek() == day && end.toLocalDate().equals(start.toLocalDate())
                && !start.toLocalTime().isBefore(LocalTime.parse(from)) && !end.toLocalTime().isAfter(LocalTime.parse(to));
    }

    @Override
    public String toString() {
        return day.name().substring(0, 3) + " " + from + "-" + to;
    }
}
