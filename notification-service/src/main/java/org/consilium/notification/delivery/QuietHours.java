package org.consilium.notification.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Quiet hours in the recipient's time zone: a non-urgent email that would arrive in them is deferred
 * to their end. The recipient's zone is the command's {@code timeZone} parameter, else
 * {@code defaultTimeZone}; with neither, nothing is deferred. A command is urgent, and never deferred,
 * when its parameters say {@code urgent=true} or {@code urgency=URGENT}, or its purpose is in
 * {@code exemptPurposes}. The window may wrap midnight (21:00–08:00). Because a deferred email goes
 * out when the window ends, nothing (the report included) is held longer than the quiet hours last.
 *
 * @param enabled         off by default: the system test counts emails as they are sent
 * @param start           local time the quiet hours begin (inclusive)
 * @param end             local time they end (exclusive), when deferred emails go out
 * @param defaultTimeZone IANA zone used when a command names none; empty for "do not defer then"
 * @param exemptPurposes  purposes always sent at once
 * @param pollInterval    how often deferred deliveries that are due are looked for
 * @param stuckAfter      a deferred delivery SENDING for longer than this without an outcome becomes UNCONFIRMED
 * @param maxAttempts     SMTP attempts for a deferred delivery (retried with back-off) before it stays FAILED
 */
@ConfigurationProperties("consilium.notification.quiet-hours")
public record QuietHours(@DefaultValue("false") boolean enabled,
                         @DefaultValue("21:00") LocalTime start,
                         @DefaultValue("08:00") LocalTime end,
                         @DefaultValue("") String defaultTimeZone,
                         Set<DeliveryPurpose> exemptPurposes,
                         @DefaultValue("30s") Duration pollInterval,
                         @DefaultValue("5m") Duration stuckAfter,
                         @DefaultValue("5") int maxAttempts) {

    public QuietHours {
        exemptPurposes = exemptPurposes == null ? Set.of() : Set.copyOf(exemptPurposes);
    }

    /** When the email may go out, if later than {@code now}; empty to send at once. */
    public Optional<Instant> notBefore(DeliveryPurpose purpose, Map<String, String> parameters, Instant now) {
        if (!enabled || start.equals(end) || exemptPurposes.contains(purpose) || urgent(parameters)) {
            return Optional.empty();
        }
        return zone(parameters.get("timeZone")).flatMap(zone -> endOfQuietHours(now, zone));
    }

    /** The end of the quiet hours {@code now} falls in, in {@code zone}; empty outside them. */
    Optional<Instant> endOfQuietHours(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean wraps = start.isAfter(end);
        boolean quiet = wraps ? !time.isBefore(start) || time.isBefore(end) : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        // before midnight in a wrapping window, the quiet hours end tomorrow
        boolean endsTomorrow = wraps && !time.isBefore(start);
        ZonedDateTime until = ZonedDateTime.of(local.toLocalDate().plusDays(endsTomorrow ? 1 : 0), end, zone);
        return Optional.of(until.toInstant()).filter(instant -> instant.isAfter(now));
    }

    private static boolean urgent(Map<String, String> parameters) {
        return "true".equalsIgnoreCase(parameters.get("urgent")) || "URGENT".equalsIgnoreCase(parameters.get("urgency"));
    }

    private Optional<ZoneId> zone(String timeZone) {
        for (String candidate : new String[]{timeZone, defaultTimeZone}) {
            if (candidate != null && !candidate.isBlank()) {
                try {
                    return Optional.of(ZoneId.of(candidate.strip()));
                } catch (DateTimeException unknownZone) {
                    // try the default
                }
            }
        }
        return Optional.empty();
    }
}
