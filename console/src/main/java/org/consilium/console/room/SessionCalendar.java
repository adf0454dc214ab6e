package org.consilium.console.room;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The specialist's sessions as an iCalendar file (RFC 5545), one event per session with their cases on it: times in
 * UTC, which every calendar shows in its owner's zone. The UID is the session's and the specialist's, so importing
 * the file again updates the events rather than adding copies. A written (asynchronous) review is a 15-minute
 * reminder at its deadline. Case ids only: no patient's name leaves the console in a file.
 */
final class SessionCalendar {
    static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=PUBLISH";
    private static final Duration REMINDER = Duration.ofMinutes(15);

    private SessionCalendar() {
    }

    static String of(MySchedule schedule, Instant stamp) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Consilium//console//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        for (MySchedule.Session session : schedule.sessions()) {
            Duration length = session.endsAt() == null || !session.endsAt().isAfter(session.startsAt()) ? REMINDER
                    : Duration.between(session.startsAt(), session.endsAt());
            String cases = session.cases().stream().map(c -> "case " + c.caseId() + (c.chair() ? " (you chair)" : "")
                    + (c.opinionGiven() ? "" : ": your opinion is awaited")).collect(Collectors.joining("; "));
            VEvent event = new VEvent(session.startsAt(), length, (session.asynchronous()
                    ? "Consilium written review due: " : "Consilium MDT session: ")
                    + session.cases().size() + (session.cases().size() == 1 ? " case" : " cases"));
            event.replace(new DtStamp(stamp));
            event.add(new Uid("room-" + session.id() + "-" + schedule.specialistId() + "@consilium"));
            event.add(new Description("Session " + session.id() + ". " + cases + "."));
            calendar.add(event);
        }
        StringWriter ics = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, ics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ics.toString();
    }
}
