package org.consilium.mdt.session;

import org.consilium.events.Urgency;
import org.consilium.mdt.directory.AvailabilityWindow;
import org.consilium.mdt.directory.Specialist;
import org.consilium.mdt.panel.PanelComposer;
import org.consilium.mdt.panel.PanelRequest;
import org.consilium.mdt.panel.Panellist;
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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Session choice with a fixed clock: Wednesday 2026-11-25 10:00 UTC. */
class SessionPlannerTest {
    static final Instant WED_10 = Instant.parse("2026-11-25T10:00:00Z");
    static final SessionProperties.Board THORACIC = new SessionProperties.Board(ZoneOffset.UTC,
            EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), LocalTime.of(13, 0), Duration.ofHours(2),
            Duration.ofMinutes(15), "onc-london", List.of("thoracic-surgeon", "medical-oncologist"));
    static final SessionProperties.Board GENERAL = new SessionProperties.Board(ZoneOffset.UTC,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(15, 0), Duration.ofHours(1),
            Duration.ofMinutes(20), "onc-london", List.of("medical-oncologist"));
    static final SessionProperties RULES = new SessionProperties(null, null, Duration.ofMinutes(30),
            Map.of("thoracic", THORACIC, "general", GENERAL));

    static Specialist specialist(String id, String discipline, String zone) {
        List<AvailabilityWindow> weekdays = Stream.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY).map(d -> new AvailabilityWindow(d, "09:00", "17:00")).toList();
        return new Specialist(id, "Dr " + id, discipline, List.of(), List.of("en"), zone, List.of("GB"), List.of(),
                weekdays, 5);
    }

    static final Specialist SURGEON_LONDON = specialist("surgeon-london", "thoracic-surgeon", "Europe/London");
    static final Specialist SURGEON_NEW_YORK = specialist("surgeon-new-york", "thoracic-surgeon", "America/New_York");
    static final Specialist ONC_LONDON = specialist("onc-london", "medical-oncologist", "Europe/London");
    static final Specialist ONC_TOKYO = specialist("onc-tokyo", "medical-oncologist", "Asia/Tokyo");

    static SessionPlanner planner(SessionProperties rules) {
        return new SessionPlanner(new SessionCalendar(rules, Clock.fixed(WED_10, ZoneOffset.UTC)), new PanelComposer());
    }

    static PanelRequest lung() {
        return PanelRequest.of(List.of("thoracic-surgeon", "medical-oncologist"), List.of("en")).forGroup("thoracic");
    }

    static SessionPlanner.Plan plan(Urgency urgency, PanelRequest request, List<Specialist> specialists,
                                    Map<String, Integer> booked) {
        return planner(RULES).plan("case-1", urgency, request, specialists, at -> Map.of(), booked);
    }

    static SessionPlanner.Option chosen(SessionPlanner.Plan plan) {
        return plan.fits().isEmpty() ? plan.fallback() : plan.fits().get(0);
    }

    @Test
    void aCaseGoesOnTheEarliestSessionOfItsTumourGroupsBoardWithinItsClock() {
        SessionPlanner.Option option = chosen(plan(Urgency.URGENT, lung(), List.of(SURGEON_LONDON, ONC_LONDON), Map.of()));
        assertThat(option.slot().id()).isEqualTo("thoracic-20261125T1300Z");
        assertThat(option.slot().kind()).isEqualTo(SessionKind.BOARD);
        assertThat(option.slot().chairId()).isEqualTo("onc-london");
        assertThat(option.slot().endsAt()).isEqualTo(Instant.parse("2026-11-25T15:00:00Z"));
        assertThat(option.why()).startsWith("earliest thoracic board session within the URGENT clock")
                .contains("0 of 8 cases booked").contains("quorum (thoracic-surgeon, medical-oncologist)");
        assertThat(option.panel().members()).extracting(Panellist::specialistId)
                .containsExactly("surgeon-london", "onc-london");
        assertThat(option.panel().members().get(0).reason()).contains("available for the session (Wed 13:00 Europe/London)");
    }

    @Test
    void lessUrgentCasesLeaveTheLeadTimeToReadTheDossier() {
        // expedited: 24 h lead time, so not today's session but Friday's
        assertThat(chosen(plan(Urgency.EXPEDITED, lung(), List.of(SURGEON_LONDON, ONC_LONDON), Map.of())).slot().id())
                .isEqualTo("thoracic-20261127T1300Z");
        // routine: 3 days lead time from Wednesday is Saturday: Monday
        assertThat(chosen(plan(Urgency.ROUTINE, lung(), List.of(SURGEON_LONDON, ONC_LONDON), Map.of())).slot().id())
                .isEqualTo("thoracic-20261130T1300Z");
    }

    @Test
    void aFullSessionIsPassedOverForTheNextOneWithinTheClock() {
        SessionPlanner.Plan plan = plan(Urgency.ROUTINE, lung(), List.of(SURGEON_LONDON, ONC_LONDON),
                Map.of("thoracic-20261130T1300Z", 8));
        assertThat(chosen(plan).slot().id()).isEqualTo("thoracic-20261202T1300Z");
        assertThat(chosen(plan).why()).startsWith("earliest fitting")
                .contains("passed over: thoracic-20261130T1300Z: full (8 of 8 cases)");
        assertThat(plan.rejected()).containsExactly("thoracic-20261130T1300Z: full (8 of 8 cases)");
    }

    @Test
    void noSessionFitsWithinTheClockSoAnAdHocSessionIsMadeWhenEveryMemberIsAvailable() {
        // urgent: discussed by Friday 10:00; Wednesday's session is full and Friday's ends after the clock
        SessionPlanner.Plan plan = plan(Urgency.URGENT, lung(), List.of(SURGEON_LONDON, ONC_LONDON),
                Map.of("thoracic-20261125T1300Z", 8));
        assertThat(plan.fits()).isEmpty();
        SessionPlanner.Option adHoc = plan.fallback();
        assertThat(adHoc.slot().kind()).isEqualTo(SessionKind.AD_HOC);
        assertThat(adHoc.slot().id()).isEqualTo("adhoc-case-1");
        // the lead time ends at 12:00 UTC, when London (09:00-17:00) is available
        assertThat(adHoc.slot().startsAt()).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(adHoc.slot().endsAt()).isEqualTo(Instant.parse("2026-11-25T12:30:00Z"));
        assertThat(adHoc.why()).startsWith("no thoracic board session fits within the URGENT clock (discussed by "
                        + "2026-11-27T10:00:00Z): thoracic-20261125T1300Z: full (8 of 8 cases)")
                .endsWith("ad-hoc session at the first time every member is available");
        assertThat(adHoc.panel().members()).hasSize(2);
    }

    @Test
    void aSessionWithoutQuorumForTheCaseIsPassedOver() {
        // the only surgeon is in New York: 13:00 UTC is 08:00 there, before their window
        SessionPlanner.Plan plan = plan(Urgency.URGENT, lung(), List.of(SURGEON_NEW_YORK, ONC_LONDON), Map.of());
        assertThat(plan.fits()).isEmpty();
        assertThat(plan.rejected()).containsExactly(
                "thoracic-20261125T1300Z: no quorum (no thoracic-surgeon available for it)");
        // ad-hoc at 14:00 UTC: 09:00 in New York, 14:00 in London
        assertThat(plan.fallback().slot().startsAt()).isEqualTo(Instant.parse("2026-11-25T14:00:00Z"));
        assertThat(plan.fallback().panel().members()).allSatisfy(m -> assertThat(m.reason()).contains("available for the session"));
    }

    @Test
    void withoutATimeWhenTheWholePanelCanMeetTheReviewIsAsynchronous() {
        // Tokyo 09:00-17:00 is 00:00-08:00 UTC, New York 09:00-17:00 is 14:00-22:00 UTC: they never overlap
        SessionPlanner.Plan plan = plan(Urgency.URGENT, lung(), List.of(SURGEON_NEW_YORK, ONC_TOKYO), Map.of());
        assertThat(plan.fits()).isEmpty();
        SessionPlanner.Option async = plan.fallback();
        assertThat(async.slot().kind()).isEqualTo(SessionKind.ASYNCHRONOUS);
        assertThat(async.slot().startsAt()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(async.why()).contains("asynchronous review").contains("by 2026-11-27T10:00:00Z");
        assertThat(async.panel().members()).hasSize(2);
    }

    @Test
    void aTumourGroupWithoutItsOwnBoardGoesToTheGeneralBoard() {
        PanelRequest sarcoma = PanelRequest.of(List.of("medical-oncologist"), List.of("en")).forGroup("sarcoma");
        SessionPlanner.Option option = chosen(plan(Urgency.URGENT, sarcoma, List.of(ONC_LONDON), Map.of()));
        assertThat(option.slot().id()).isEqualTo("general-20261125T1500Z");
        assertThat(option.slot().tumourGroup()).isEqualTo("general");
        assertThat(option.why()).contains("general board session");
    }

    @Test
    void withoutAnyBoardEveryCaseGetsAnAdHocSession() {
        SessionPlanner.Plan plan = planner(new SessionProperties(null, null, Duration.ofMinutes(30), Map.of()))
                .plan("case-2", Urgency.ROUTINE, lung(), List.of(SURGEON_LONDON, ONC_LONDON), at -> Map.of(), Map.of());
        assertThat(plan.fits()).isEmpty();
        assertThat(plan.fallback().slot().kind()).isEqualTo(SessionKind.AD_HOC);
        assertThat(plan.fallback().why()).startsWith("no board for thoracic");
        // routine: three days of lead time from Wednesday 10:00 is Saturday; the first weekday window is Monday 09:00
        assertThat(plan.fallback().slot().startsAt()).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
    }

    @Test
    void boardSessionsAreGeneratedInTheBoardsZoneAndStoredInUtc() {
        SessionProperties.Board singapore = new SessionProperties.Board(ZoneId.of("Asia/Singapore"),
                EnumSet.of(DayOfWeek.TUESDAY), LocalTime.of(17, 0), Duration.ofMinutes(90), Duration.ofMinutes(10),
                "chair", List.of());
        SessionCalendar calendar = new SessionCalendar(new SessionProperties(null, null, null,
                Map.of("thoracic", singapore)), Clock.fixed(WED_10, ZoneOffset.UTC));
        assertThat(calendar.capacity(calendar.between(WED_10, WED_10.plus(Duration.ofDays(14)), null).get(0)))
                .isEqualTo(9);
        assertThat(calendar.candidatesFor("thoracic", Urgency.ROUTINE)).extracting(SessionSlot::id)
                .containsExactly("thoracic-20261201T0900Z", "thoracic-20261208T0900Z");
    }

    @Test
    void aCaseMustFitInASessionAndAClockMustOutlastItsLeadTime() {
        assertThatThrownBy(() -> new SessionProperties.Board(ZoneOffset.UTC, EnumSet.of(DayOfWeek.MONDAY),
                LocalTime.NOON, Duration.ofMinutes(10), Duration.ofMinutes(15), null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionProperties(Map.of(Urgency.URGENT, Duration.ofDays(3)), null, null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("URGENT clock");
    }
}
