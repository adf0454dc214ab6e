package org.consilium.notification.calendar;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.consilium.notification.mail.Attachment;
import org.consilium.notification.mail.MailSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The iCalendar ({@code .ics}, RFC 5545) entry attached to an MDT_SCHEDULED notification: one VEVENT
 * starting at {@code sessionStartsAt} (written in UTC), lasting {@code duration} (ISO-8601, e.g.
 * {@code PT20M}) or {@code durationMinutes}, else 15 minutes, with a UID derived from the case and
 * the session ({@code sessionId} when given, else the start), so a re-sent or updated invitation
 * for the same session replaces the entry instead of adding one.
 */
@Component
public class CalendarInvitations {
    public static final Duration DEFAULT_DURATION = Duration.ofMinutes(15);
    public static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=PUBLISH";
    private static final Logger log = LoggerFactory.getLogger(CalendarInvitations.class);

    private final MailSettings settings;

    public CalendarInvitations(MailSettings settings) {
        this.settings = settings;
    }

    /**
     * Empty when the parameters carry no readable {@code sessionStartsAt}: the email then goes without an entry.
     *
     * @param forPanelMember the entry of a panel member (who attends) rather than of the patient (who does not)
     */
    public Optional<Attachment> mdtSession(String caseId, Map<String, String> parameters, Instant stamp,
                                           boolean forPanelMember) {
        Optional<Instant> start = instant(parameters.get("sessionStartsAt"));
        if (start.isEmpty()) {
            return Optional.empty();
        }
        String session = parameters.getOrDefault("sessionId", start.get().toString());
        VEvent event = new VEvent(start.get(), duration(parameters), "Consilium MDT review of case " + caseId);
        event.replace(new DtStamp(stamp));
        event.add(new Uid(uid(caseId, session)));
        // METHOD:PUBLISH requires an ORGANIZER (RFC 5546): the care team's sender address
        event.add(new Organizer(new ParameterList(List.of(new Cn(settings.fromName()))),
                URI.create("mailto:" + settings.from())));
        event.add(new Description(forPanelMember
                ? "You are on the panel reviewing case " + caseId + " in this session"
                        + ("chair".equals(parameters.get("role")) ? ", as its chair" : "")
                        + ". Please submit your individual opinion before it starts. Session: " + session + "."
                : "A multidisciplinary team of specialists reviews case " + caseId
                        + " in this session. The patient does not need to attend; the written report follows after the "
                        + "meeting. Session: " + session + "."));
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Consilium//notification-service//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(event);
        StringWriter ics = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, ics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new Attachment("consilium-mdt-" + Attachment.safe(caseId) + ".ics", CONTENT_TYPE,
                ics.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code mdt-<case>-<session>@<sender domain>}: the same for every invitation to the same case and session. */
    public String uid(String caseId, String session) {
        return "mdt-" + Attachment.safe(caseId) + "-" + Attachment.safe(session) + "@" + settings.domain();
    }

    static Duration duration(Map<String, String> parameters) {
        try {
            if (parameters.get("duration") != null) {
                Duration duration = Duration.parse(parameters.get("duration"));
                return duration.isNegative() || duration.isZero() ? DEFAULT_DURATION : duration;
            }
            if (parameters.get("durationMinutes") != null) {
                long minutes = Long.parseLong(parameters.get("durationMinutes").strip());
                return minutes > 0 ? Duration.ofMinutes(minutes) : DEFAULT_DURATION;
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            log.warn("unreadable session duration in {}, using {}: {}", parameters, DEFAULT_DURATION, e.toString());
        }
        return DEFAULT_DURATION;
    }

    private static Optional<Instant> instant(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Instant.parse(value));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
