package org.consilium.mdt.session;

import org.consilium.events.Urgency;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionCalendarTest {
    // Wednesday
    static final Instant WED_10 = Instant.parse("2026-11-25T10:00:00Z");
    static final SessionProperties WEEKDAYS_13_UTC = new SessionProperties(ZoneOffset.UTC,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(13, 0), Duration.ofHours(2),
            Duration.ofMinutes(15), Duration.ofDays(60), null);

    static SessionCalendar at(Instant now) {
        return new SessionCalendar(WEEKDAYS_13_UTC, Clock.fixed(now, ZoneOffset.UTC));
    }

    static Optional<SessionSlot> chosen(SessionCalendar calendar, Urgency urgency, Map<String, Integer> booked) {
        return calendar.withRoom(calendar.candidatesFor(urgency), booked).stream().findFirst();
    }

    @Test
    void anUrgentCaseTakesTheNextSessionAtLeastTheLeadTimeAway() {
        assertThat(chosen(at(WED_10), Urgency.URGENT, Map.of())).get().extracting(SessionSlot::startsAt)
                .isEqualTo(Instant.parse("2026-11-25T13:00:00Z"));
        // 11:30 + 2 h lead time is past 13:00: Thursday
        assertThat(chosen(at(Instant.parse("2026-11-25T11:30:00Z")), Urgency.URGENT, Map.of())).get()
                .extracting(SessionSlot::startsAt).isEqualTo(Instant.parse("2026-11-26T13:00:00Z"));
        // Friday afternoon: no sessions at the weekend, so Monday
        assertThat(chosen(at(Instant.parse("2026-11-27T12:00:00Z")), Urgency.URGENT, Map.of())).get()
                .extracting(SessionSlot::startsAt).isEqualTo(Instant.parse("2026-11-30T13:00:00Z"));
    }

    @Test
    void lessUrgentCasesGoLaterToLeaveTimeToReadTheDossier() {
        assertThat(chosen(at(WED_10), Urgency.EXPEDITED, Map.of())).get().extracting(SessionSlot::startsAt)
                .isEqualTo(Instant.parse("2026-11-26T13:00:00Z"));
        // three days from Wednesday 10:00 is Saturday: the next session is Monday
        assertThat(chosen(at(WED_10), Urgency.ROUTINE, Map.of())).get().extracting(SessionSlot::startsAt)
                .isEqualTo(Instant.parse("2026-11-30T13:00:00Z"));
    }

    @Test
    void aFullSessionIsSkippedForTheEarliestWithRoom() {
        SessionCalendar calendar = at(WED_10);
        assertThat(calendar.capacity()).isEqualTo(8);
        assertThat(chosen(calendar, Urgency.URGENT, Map.of("session-20261125T1300Z", 7))).get()
                .extracting(SessionSlot::id).isEqualTo("session-20261125T1300Z");
        assertThat(chosen(calendar, Urgency.URGENT, Map.of("session-20261125T1300Z", 8))).get()
                .extracting(SessionSlot::id).isEqualTo("session-20261126T1300Z");
        assertThat(chosen(calendar, Urgency.URGENT, Map.of("session-20261125T1300Z", 8, "session-20261126T1300Z", 8)))
                .get().extracting(SessionSlot::id).isEqualTo("session-20261127T1300Z");
    }

    @Test
    void nothingIsChosenWhenEverySessionWithinTheHorizonIsFull() {
        SessionCalendar calendar = at(WED_10);
        List<SessionSlot> candidates = calendar.candidatesFor(Urgency.URGENT);
        assertThat(candidates).hasSizeBetween(40, 45).last().extracting(SessionSlot::startsAt)
                .matches(start -> start.isBefore(WED_10.plus(Duration.ofDays(60))));
        Map<String, Integer> allFull = candidates.stream()
                .collect(java.util.stream.Collectors.toMap(SessionSlot::id, s -> 8));
        assertThat(calendar.withRoom(candidates, allFull)).isEmpty();
    }

    @Test
    void sessionsAreGeneratedInTheRulesZoneAndStoredInUtc() {
        SessionProperties singapore = new SessionProperties(ZoneId.of("Asia/Singapore"), EnumSet.of(DayOfWeek.TUESDAY),
                LocalTime.of(9, 0), Duration.ofMinutes(90), Duration.ofMinutes(10), Duration.ofDays(14), null);
        SessionCalendar calendar = new SessionCalendar(singapore, Clock.fixed(WED_10, ZoneOffset.UTC));
        assertThat(calendar.capacity()).isEqualTo(9);
        assertThat(calendar.candidatesFor(Urgency.URGENT)).extracting(SessionSlot::id)
                .containsExactly("session-20261201T0100Z", "session-20261208T0100Z");
    }

    @Test
    void aCaseMustFitInASession() {
        assertThatThrownBy(() -> new SessionProperties(ZoneOffset.UTC, EnumSet.of(DayOfWeek.MONDAY), LocalTime.NOON,
                Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofDays(7), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
