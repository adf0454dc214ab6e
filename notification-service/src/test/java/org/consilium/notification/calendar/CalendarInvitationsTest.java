package org.consilium.notification.calendar;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.consilium.notification.mail.Attachment;
import org.consilium.notification.mail.MailSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarInvitationsTest {
    static final Instant STAMP = Instant.parse("2026-11-25T10:00:00Z");
    final CalendarInvitations invitations = new CalendarInvitations(
            new MailSettings("care-team@consilium.local", "Consilium care team", "classpath:/mail/", "en"));

    @Test
    void oneEventInUtcWithTheDefaultFifteenMinutesAndAUidFromCaseAndStart() throws Exception {
        Attachment ics = invitations.mdtSession("case-1", Map.of("sessionStartsAt", "2026-12-08T02:00:00Z",
                "timeZone", "Asia/Jakarta"), STAMP, false).orElseThrow();

        assertThat(ics.fileName()).isEqualTo("consilium-mdt-case-1.ics");
        assertThat(new String(ics.content(), StandardCharsets.UTF_8)).contains("BEGIN:VCALENDAR", "VERSION:2.0",
                "METHOD:PUBLISH", "PRODID:-//Consilium//notification-service//EN").contains("\r\n");
        Calendar calendar = parse(ics);
        assertThat(calendar.<VEvent>getComponents(Component.VEVENT)).hasSize(1);
        VEvent event = calendar.<VEvent>getComponents(Component.VEVENT).get(0);
        assertThat(value(event, Property.DTSTART)).isEqualTo("20261208T020000Z");
        assertThat(value(event, Property.DURATION)).isEqualTo("PT15M");
        assertThat(value(event, Property.DTSTAMP)).isEqualTo("20261125T100000Z");
        assertThat(value(event, Property.UID)).isEqualTo("mdt-case-1-2026-12-08T02_00_00Z@consilium.local");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Consilium MDT review of case case-1");
        assertThat(value(event, Property.ORGANIZER)).isEqualTo("mailto:care-team@consilium.local");
        assertThat(calendar.validate().getEntries()).isEmpty();
    }

    @Test
    void aPanelMembersEntryAsksForTheirOpinionAndKeepsTheSessionsUid() throws Exception {
        Map<String, String> params = Map.of("sessionStartsAt", "2026-12-08T02:00:00Z", "sessionId", "thoracic-1",
                "role", "chair");
        VEvent member = parse(invitations.mdtSession("case-1", params, STAMP, true).orElseThrow())
                .<VEvent>getComponents(Component.VEVENT).get(0);
        VEvent patient = parse(invitations.mdtSession("case-1", params, STAMP, false).orElseThrow())
                .<VEvent>getComponents(Component.VEVENT).get(0);
        assertThat(value(member, Property.DESCRIPTION)).contains("You are on the panel", "as its chair",
                "submit your individual opinion").doesNotContain("does not need to attend");
        assertThat(value(patient, Property.DESCRIPTION)).contains("does not need to attend");
        assertThat(value(member, Property.UID)).isEqualTo(value(patient, Property.UID));
    }

    @Test
    void theSameSessionGetsTheSameEntryEveryTime() {
        Map<String, String> params = Map.of("sessionStartsAt", "2026-12-08T02:00:00Z", "sessionId", "s-7");
        assertThat(invitations.mdtSession("case-1", params, STAMP, false).orElseThrow().content())
                .isEqualTo(invitations.mdtSession("case-1", params, STAMP, false).orElseThrow().content());
    }

    @ParameterizedTest
    @CsvSource({"duration,PT45M,PT45M", "durationMinutes,30,PT30M", "duration,nonsense,PT15M", "durationMinutes,-5,PT15M",
            "duration,PT0S,PT15M"})
    void theDurationComesFromAParameter(String name, String value, String expected) throws Exception {
        Map<String, String> params = new HashMap<>(Map.of("sessionStartsAt", "2026-12-08T02:00:00Z"));
        params.put(name, value);
        VEvent event = parse(invitations.mdtSession("c", params, STAMP, false).orElseThrow())
                .<VEvent>getComponents(Component.VEVENT).get(0);
        assertThat(value(event, Property.DURATION)).isEqualTo(expected);
    }

    @Test
    void noEntryWithoutAReadableSessionStart() {
        assertThat(invitations.mdtSession("c", Map.of(), STAMP, false)).isEmpty();
        assertThat(invitations.mdtSession("c", Map.of("sessionStartsAt", "next Tuesday"), STAMP, false)).isEmpty();
    }

    static Calendar parse(Attachment ics) throws IOException, ParserException {
        return new CalendarBuilder().build(new ByteArrayInputStream(ics.content()));
    }

    static String value(VEvent event, String property) {
        return event.<Property>getProperty(property).orElseThrow().getValue();
    }
}
