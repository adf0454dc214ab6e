package org.consilium.notification.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.consilium.events.DeliverReport;
import org.consilium.events.Envelope;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.Recipient;
import org.consilium.events.ReportContent;
import org.consilium.events.SendNotification;
import org.consilium.events.UnreadableMessageException;
import org.consilium.notification.checklist.MissingRecord;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a command asks to be emailed: purpose, recipient and the template variables. Notification
 * templates see {@code caseId}, {@code recipientName}, {@code params} (the command's parameters,
 * plus {@code <name>Local} for every ISO instant or date, written for the reader's language and the
 * {@code timeZone} parameter, with the zone's name) and {@code missingRecords} (the checklist items of
 * {@code missing} and {@code stale}, titled in the reader's language). The report template sees the
 * question, the first opinion and the report.
 */
record OutgoingMail(String caseId, DeliveryPurpose purpose, Recipient recipient, Map<String, String> parameters,
                    DeliverReport report, Instant time) {
    private static final ZoneId UTC = ZoneId.of("UTC");
    /** The zone's name in the reader's language, e.g. "Western Indonesia Time", "Waktu Indonesia Barat". */
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzzz");

    /** Empty for a message on the commands topic that is not an email command (a newer type, say). */
    static Optional<OutgoingMail> of(Envelope command) {
        return switch (command.type()) {
            case SEND_NOTIFICATION -> {
                SendNotification n = command.payload(SendNotification.class);
                if (n.purpose() == null) {
                    throw new UnreadableMessageException("SendNotification " + command.id() + " has no purpose");
                }
                if (n.purpose() == NotificationPurpose.REPORT_COPY) {
                    // a copy of the report exists only beside the DeliverReport it copies: there is no report here
                    throw new UnreadableMessageException("SendNotification " + command.id() + ": REPORT_COPY is sent "
                            + "from a DeliverReport only");
                }
                yield Optional.of(new OutgoingMail(n.caseId(), DeliveryPurpose.of(n.purpose()),
                        checked(n.recipient(), command), n.parameters(), null, command.time()));
            }
            case DELIVER_REPORT -> {
                DeliverReport r = command.payload(DeliverReport.class);
                if (r.report() == null) {
                    throw new UnreadableMessageException("DeliverReport " + command.id() + " has no report");
                }
                // a copy (the patient beside her caregiver, the doctor) is the same mail, not the delivery the process awaits
                yield Optional.of(new OutgoingMail(r.caseId(), r.copy() ? DeliveryPurpose.REPORT_COPY : DeliveryPurpose.REPORT,
                        checked(r.recipient(), command), Map.of(), r, command.time()));
            }
            default -> Optional.empty();
        };
    }

    /** A command without a usable address can never be delivered: dead-letter it at once, don't retry. */
    private static Recipient checked(Recipient recipient, Envelope command) {
        if (recipient == null || recipient.email() == null) {
            throw new UnreadableMessageException(command.type().messageName() + " " + command.id() + " has no recipient email");
        }
        try {
            new InternetAddress(recipient.email(), true).validate();
        } catch (AddressException e) {
            throw new UnreadableMessageException(command.type().messageName() + " " + command.id()
                    + " has an invalid recipient email: " + e.getMessage(), e);
        }
        return recipient;
    }

    String requestedLanguage() {
        return recipient.language();
    }

    Map<String, Object> variables(Locale locale) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseId", caseId);
        variables.put("recipientName", recipient.name() == null ? "" : recipient.name());
        variables.put("params", localized(parameters, locale));
        variables.put("missingRecords", MissingRecord.of(parameters, locale));
        if (report != null) {
            ReportContent content = report.report();
            variables.put("patientName", report.patientName() != null ? report.patientName()
                    : recipient.name() == null ? "" : recipient.name());
            variables.put("question", report.questionForPanel());
            variables.put("firstOpinion", report.firstOpinion());
            variables.put("confirms", content.confirmsFirstOpinion());
            variables.put("recommendation", content.recommendation());
            variables.put("summary", content.plainLanguageSummary());
            variables.put("differenceExplanation", content.differenceExplanation());
            variables.put("dissent", content.dissent());
            variables.put("signedBy", content.signedBy());
        }
        return variables;
    }

    private static Map<String, String> localized(Map<String, String> parameters, Locale locale) {
        Map<String, String> params = new HashMap<>(parameters);
        ZoneId zone = zone(parameters.get("timeZone"));
        parameters.forEach((name, value) -> readable(value, zone, locale).ifPresent(text -> params.put(name + "Local", text)));
        return params;
    }

    private static Optional<String> readable(String value, ZoneId zone, Locale locale) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            ZonedDateTime time = Instant.parse(value).atZone(zone);
            return Optional.of(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                    .withLocale(locale).format(time) + " (" + ZONE_NAME.withLocale(locale).format(time) + ")");
        } catch (DateTimeException notAnInstant) {
            try {
                return Optional.of(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                        .format(LocalDate.parse(value)));
            } catch (DateTimeException notADate) {
                return Optional.empty();
            }
        }
    }

    /** Without a zone the time is UTC, and says so in words ("Coordinated Universal Time"), not "Z". */
    private static ZoneId zone(String timeZone) {
        try {
            return timeZone == null ? UTC : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return UTC;
        }
    }
}
