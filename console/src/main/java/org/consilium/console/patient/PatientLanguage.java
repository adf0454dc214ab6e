package org.consilium.console.patient;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

/**
 * The languages the patient's pages are written in (and the upload pages: one system, one switcher), and which one a
 * page takes ({@link #forRequest}): the one chosen with the switcher (kept in the session), else the first of the
 * patient's own languages (intake's case) that has a bundle, else the browser's Accept-Language, else English. Simplified Chinese is {@code zh}; a Traditional-Chinese tag is not given
 * Simplified text.
 */
public enum PatientLanguage {
    EN("en", "English", false), ZH("zh-Hans", "简体中文", false), AR("ar", "العربية", true);

    static final String SESSION_KEY = "consilium.patient.language";
    private final String tag;
    private final String name;
    private final boolean rightToLeft;

    PatientLanguage(String tag, String name, boolean rightToLeft) {
        this.tag = tag;
        this.name = name;
        this.rightToLeft = rightToLeft;
    }

    /** The BCP 47 tag for {@code <html lang>} and for the answer mail's language. */
    public String tag() {
        return tag;
    }

    /** The language's own name, as the switcher shows it. */
    public String nativeName() {
        return name;
    }

    public String dir() {
        return rightToLeft ? "rtl" : "ltr";
    }

    /** The switcher's value ({@code ?lang=}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** One tag as a page language: {@code zh}, {@code zh-CN}, {@code zh-Hans}; not {@code zh-TW} or {@code zh-Hant}. */
    static Optional<PatientLanguage> of(String tag) {
        return org.consilium.console.language.LanguageTags.language(tag).flatMap(language -> switch (language) {
            case "en" -> Optional.of(EN);
            case "ar" -> Optional.of(AR);
            case "zh" -> Optional.of(ZH);
            default -> Optional.<PatientLanguage>empty();
        });
    }

    /** The switcher's value back to a language, or a language tag ({@code zh-CN}); anything else is not one. */
    static Optional<PatientLanguage> ofCode(String code) {
        for (PatientLanguage language : values()) {
            if (language.code().equals(code)) {
                return Optional.of(language);
            }
        }
        return of(code);
    }

    /**
     * The language of any page a patient, a caregiver or their doctor reads (their cases, the request form, sending
     * records, the upload link's page): {@code ?lang=} (kept in the session, so the next page keeps it), else the one
     * kept, else the first of the patient's own languages that the pages are written in, else the browser's, else
     * English.
     *
     * @param patients the patient's languages as intake has them; none where the page has no case (the doctor's link)
     */
    public static PatientLanguage forRequest(ServerWebExchange exchange, WebSession session, List<String> patients) {
        Optional<PatientLanguage> asked = ofCode(exchange.getRequest().getQueryParams().getFirst("lang"));
        asked.ifPresent(language -> session.getAttributes().put(SESSION_KEY, language.code()));
        Optional<PatientLanguage> chosen = asked.or(() -> ofCode(session.getAttribute(SESSION_KEY)));
        return choose(chosen, patients, exchange.getRequest().getHeaders().getAcceptLanguageAsLocales());
    }

    /** The first of these (the patient's own, then the browser's) that the pages are written in, else English. */
    static PatientLanguage choose(Optional<PatientLanguage> chosen, List<String> patients, List<Locale> browsers) {
        return chosen.or(() -> patients.stream().map(PatientLanguage::of).flatMap(Optional::stream).findFirst())
                .or(() -> browsers.stream().map(Locale::toLanguageTag).map(PatientLanguage::of).flatMap(Optional::stream)
                        .findFirst())
                .orElse(EN);
    }
}
