package org.consilium.mdt.session;

import org.consilium.events.Urgency;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules sessions are generated from: one recurring tumour board per tumour group (a board
 * named {@code general} takes the cases of groups without their own), and the clocks a case's
 * session must meet.
 *
 * @param leadTime per urgency, how long before a session starts a case must be put on it (time to
 *                 read the dossier and write an opinion)
 * @param clock    per urgency, by when the case must have been discussed: a board session starting
 *                 later does not fit, and an ad-hoc session (or an asynchronous review) is made instead
 * @param adHocLength how long an ad-hoc session for one case lasts
 */
@ConfigurationProperties("consilium.mdt.sessions")
public record SessionProperties(Map<Urgency, Duration> leadTime, Map<Urgency, Duration> clock,
                                @DefaultValue("PT30M") Duration adHocLength, Map<String, Board> boards) {

    private static final Map<Urgency, Duration> DEFAULT_LEAD_TIME = Map.of(Urgency.URGENT, Duration.ofHours(2),
            Urgency.EXPEDITED, Duration.ofDays(1), Urgency.ROUTINE, Duration.ofDays(3));
    private static final Map<Urgency, Duration> DEFAULT_CLOCK = Map.of(Urgency.URGENT, Duration.ofDays(2),
            Urgency.EXPEDITED, Duration.ofDays(5), Urgency.ROUTINE, Duration.ofDays(14));

    public SessionProperties {
        leadTime = complete(DEFAULT_LEAD_TIME, leadTime);
        clock = complete(DEFAULT_CLOCK, clock);
        boards = boards == null ? Map.of() : Map.copyOf(boards);
        for (Urgency urgency : Urgency.values()) {
            if (clock.get(urgency).compareTo(leadTime.get(urgency)) <= 0) {
                throw new IllegalArgumentException("the " + urgency + " clock must be longer than its lead time");
            }
        }
    }

    private static Map<Urgency, Duration> complete(Map<Urgency, Duration> defaults, Map<Urgency, Duration> given) {
        Map<Urgency, Duration> complete = new EnumMap<>(defaults);
        if (given != null) {
            complete.putAll(given);
        }
        return Map.copyOf(complete);
    }

    public Duration leadTimeFor(Urgency urgency) {
        return leadTime.get(urgency == null ? Urgency.ROUTINE : urgency);
    }

    public Duration clockFor(Urgency urgency) {
        return clock.get(urgency == null ? Urgency.ROUTINE : urgency);
    }

    /**
     * One recurring tumour board: on these days, at this local time in this zone, for this long,
     * this much discussion time per case, chaired by this specialist, quorate when these
     * disciplines can attend.
     */
    public record Board(ZoneId zone, Set<DayOfWeek> days, LocalTime start, Duration length,
                        @DefaultValue("PT15M") Duration timePerCase, String chair, List<String> quorum) {
        public Board {
            if (timePerCase.isZero() || timePerCase.isNegative() || timePerCase.compareTo(length) > 0) {
                throw new IllegalArgumentException("time-per-case must be positive and fit in a session of " + length);
            }
            days = Set.copyOf(days);
            quorum = quorum == null ? List.of() : List.copyOf(quorum);
        }

        /** Cases one session can discuss. */
        public int capacity() {
            return (int) length.dividedBy(timePerCase);
        }
    }
}
