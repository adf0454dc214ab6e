package org.consilium.console.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The patient's pages' words in one language (bundles {@code i18n/patient*.properties}) and its dates, as the
 * templates use them: {@code ${w.say('stage.SUBMITTED')}}. A MessageSource of its own rather than the application's,
 * so the other pages' bundles never shadow these keys nor these theirs.
 *
 * @param zone the patient's time zone (intake's case), UTC when unknown
 */
public record PatientWords(MessageSource messages, PatientLanguage language, ZoneId zone) {

    /**
     * The bundles {@code i18n/patient*.properties} and the upload pages' {@code i18n/uploads*.properties} (one set of
     * words, one header and one language for all that a patient or their doctor reads), UTF-8, English where a
     * language lacks a key.
     */
    static MessageSource bundles() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasenames("i18n/patient", "i18n/uploads");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        return bundles;
    }

    /** One key's English words, for what is said to scripts rather than to the patient. */
    static String english(String key) {
        return new PatientWords(BUNDLES, PatientLanguage.EN, java.time.ZoneOffset.UTC).say(key);
    }

    private static final MessageSource BUNDLES = bundles();

    /**
     * The words of a patient's page outside this package (the request form, {@code ask}): its language as every patient
     * page takes it ({@code ?lang=}, kept in the session; the patient's languages; the browser's; English), its dates in
     * {@code zone} (UTC when none or unknown).
     */
    public static PatientWords forPage(org.springframework.web.server.ServerWebExchange exchange,
                                       org.springframework.web.server.WebSession session, java.util.List<String> patients,
                                       String zone) {
        return in(PatientPages.language(exchange, session, patients), zone);
    }

    /** The words in {@code language}, dates in {@code zone} (UTC when none or unknown). */
    public static PatientWords in(PatientLanguage language, String zone) {
        ZoneId id = java.time.ZoneOffset.UTC;
        try {
            id = zone == null || zone.isBlank() ? id : ZoneId.of(zone);
        } catch (java.time.DateTimeException unknown) {
            // intake validates the zone; an unknown one here is shown in UTC rather than not at all
        }
        return new PatientWords(BUNDLES, language, id);
    }

    /**
     * Without arguments: its own method, not the varargs one. (Named {@code say}, not {@code t}: Thymeleaf's restricted
     * attributes, {@code th:aria-label} among them, refuse any expression with {@code t(} in it, as if it were
     * {@code T(} static access.)
     */
    public String say(String key) {
        return messages.getMessage(key, null, key, language.locale());
    }

    public String say(String key, Object... args) {
        return messages.getMessage(key, args, key, language.locale());
    }

    /** A key that may be missing (a record's code): the words, else {@code otherwise} as given. */
    public String tOr(String key, String otherwise) {
        return messages.getMessage(key, null, otherwise, language.locale());
    }

    public String date(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale())
                .format(at.atZone(zone));
    }

    public String date(LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale())
                .format(day);
    }

    /** Date and time in the patient's zone, the zone named: a panel meeting is at an hour. */
    public String dateTime(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(language.locale()).format(at.atZone(zone)) + " (" + ("Z".equals(zone.getId()) ? "UTC" : zone.getId())
                + ")";
    }

    public String lang() {
        return language.tag();
    }

    public String dir() {
        return language.dir();
    }
}
