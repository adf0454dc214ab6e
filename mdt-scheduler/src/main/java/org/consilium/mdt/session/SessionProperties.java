package org.consilium.mdt.session;

import org.consilium.events.Urgency;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The rule sessions are generated from: on these days, at this local time in this zone, for this
 * long, with this much discussion time per case.
 *
 * @param horizon  how far ahead a case may be put on a session
 * @param leadTime per urgency, how long before a session starts a case must be put on it (time to
 *                 read the dossier and write an opinion); urgent cases take the next session
 */
@ConfigurationProperties("consilium.mdt.sessions")
public record SessionProperties(@DefaultValue("UTC") ZoneId zone,
                                @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> days,
                                @DefaultValue("13:00") LocalTime start,
                                @DefaultValue("PT2H") Duration length,
                                @DefaultValue("PT15M") Duration timePerCase,
                                @DefaultValue("P60D") Duration horizon,
                                Map<Urgency, Duration> leadTime) {

    private static final Map<Urgency, Duration> DEFAULT_LEAD_TIME = Map.of(Urgency.URGENT, Duration.ofHours(2),
            Urgency.EXPEDITED, Duration.ofDays(1), Urgency.ROUTINE, Duration.ofDays(3));

    public SessionProperties {
        if (timePerCase.isZero() || timePerCase.isNegative() || timePerCase.compareTo(length) > 0) {
            throw new IllegalArgumentException("time-per-case must be positive and fit in a session of " + length);
        }
        Map<Urgency, Duration> complete = new EnumMap<>(DEFAULT_LEAD_TIME);
        if (leadTime != null) {
            complete.putAll(leadTime);
        }
        leadTime = Map.copyOf(complete);
        days = Set.copyOf(days);
    }

    /** Cases one session can discuss. */
    public int capacity() {
        return (int) length.dividedBy(timePerCase);
    }

    public Duration leadTimeFor(Urgency urgency) {
        return leadTime.get(urgency == null ? Urgency.ROUTINE : urgency);
    }
}
