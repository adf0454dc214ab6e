package org.consilium.console.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The .ics download reads back as one event per session, in UTC, with a stable UID and the cases named. */
class SessionCalendarTest {
    private static final Instant START = Instant.parse("2026-12-07T01:00:00Z");

    @Test
    void eachSessionIsOneEventWithItsCasesAndAStableUid() throws Exception {
        MySchedule schedule = new MySchedule("dr-siti-rahmawati", "Dr Siti Rahmawati", "medical-oncologist",
                "Asia/Singapore", new MySchedule.Week(START, START.plusSeconds(7 * 86400), 2, 8), List.of(
                new MySchedule.Session("thoracic-20261207T0100Z", "BOARD", "thoracic", START, START.plusSeconds(3600),
                        List.of(new MySchedule.Case("case-1", "SCHEDULED", "URGENT", "lung", true, false, 3, List.of()),
                                new MySchedule.Case("case-2", "SCHEDULED", "ROUTINE", "lung", false, true, 1, List.of()))),
                new MySchedule.Session("async-case-3", "ASYNCHRONOUS", "breast", START.plusSeconds(86400),
                        START.plusSeconds(86400), List.of(new MySchedule.Case("case-3", "SCHEDULED", "ROUTINE",
                        "breast", false, false, 2, List.of())))));
        String ics = SessionCalendar.of(schedule, START.minusSeconds(60));
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(2);
        assertThat(ics).contains("DTSTART:20261207T010000Z", "DURATION:PT1H",
                "UID:room-thoracic-20261207T0100Z-dr-siti-rahmawati@consilium", "SUMMARY:Consilium MDT session: 2 cases",
                "SUMMARY:Consilium written review due: 1 case");
        String description = events.get(0).getDescription().getValue();
        assertThat(description).contains("case case-1 (you chair): your opinion is awaited", "case case-2");
        assertThat(ics).doesNotContain("Siti"); // case ids only, no names in a file that leaves the console
    }

    @Test
    void noSessionIsAnEmptyCalendarNotAnError() throws Exception {
        MySchedule none = new MySchedule("dr-x", "Dr X", "radiologist", "UTC",
                new MySchedule.Week(START, START, 0, 10), List.of());
        Calendar calendar = new CalendarBuilder().build(new StringReader(SessionCalendar.of(none, START)));
        assertThat(calendar.getComponents(Component.VEVENT)).isEmpty();
    }
}
