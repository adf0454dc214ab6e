package org.consilium.console.room;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as a specialist reads them: in their own zone (the directory's, as mdt-scheduler gives it), the zone named
 * and its offset at that moment, so "09:00" is never ambiguous across a panel in three zones.
 */
public record ViewerZone(ZoneId zone, Locale locale) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    public ViewerZone(ZoneId zone) {
        this(zone, Locale.ENGLISH);
    }

    /** The same zone, dates written in the page's language ({@code 2026年12月7日 周一 09:00} in Chinese). */
    public ViewerZone in(Locale pageLocale) {
        return new ViewerZone(zone, pageLocale == null ? Locale.ENGLISH : pageLocale);
    }

    private DateTimeFormatter day() {
        return "zh".equals(locale.getLanguage()) ? DateTimeFormatter.ofPattern("yyyy年M月d日 EEE", Locale.CHINESE)
                : DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    }

    private DateTimeFormatter dayAndTime() {
        return "zh".equals(locale.getLanguage()) ? DateTimeFormatter.ofPattern("yyyy年M月d日 EEE HH:mm", Locale.CHINESE)
                : DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    }

    /** The zone of this id, or UTC when it is missing or not a zone. */
    public static ViewerZone of(String id) {
        try {
            return new ViewerZone(id == null || id.isBlank() ? ZoneOffset.UTC : ZoneId.of(id));
        } catch (DateTimeException unknown) {
            return new ViewerZone(ZoneOffset.UTC);
        }
    }

    /** {@code Mon 7 Dec 2026, 09:00 Asia/Singapore (UTC+08:00)}. */
    public String dateTime(Instant at) {
        return at == null ? "" : dayAndTime().format(at.atZone(zone)) + " " + name(at);
    }

    /** {@code 09:00–09:20 Asia/Singapore (UTC+08:00)}, the end's date being the start's. */
    public String span(Instant from, Instant to) {
        if (from == null) {
            return "";
        }
        return TIME.format(from.atZone(zone)) + (to == null || to.equals(from) ? "" : "–" + TIME.format(to.atZone(zone)))
                + " " + name(from);
    }

    /** {@code Asia/Singapore (UTC+08:00)}. */
    public String name(Instant at) {
        ZoneOffset offset = zone.getRules().getOffset(at == null ? Instant.now() : at);
        String utc = offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
        return zone.getId().equals("Z") || zone.getId().equals("UTC") ? "UTC" : zone.getId() + " (" + utc + ")";
    }

    /** {@code Mon 7 Dec 2026}, the day in UTC: a load week is counted in UTC, as the panel composer counts it. */
    public String utcDay(Instant at) {
        return at == null ? "" : day().format(at.atZone(ZoneOffset.UTC));
    }

    /** For a {@code <time datetime>}: the instant, unambiguous to machines. */
    public static String machine(Instant at) {
        return at == null ? "" : at.toString();
    }
}
