package org.consilium.console.language;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the staff's pages (desk, case page, review room, ops) are written in, and which one a person reads
 * ({@link #choose}): the one chosen with the header's switcher (kept in the web session), else the {@code locale}
 * claim of their sign-in (OIDC standard claim, from the ID token or user info), else the browser's Accept-Language,
 * else English. Simplified Chinese is {@code zh}; a Traditional-Chinese tag ({@code zh-TW}, {@code zh-Hant}) is not
 * given Simplified text. The patient's pages choose theirs apart ({@code patient.PatientLanguage}, with Arabic).
 */
public enum StaffLanguage {
    EN("en", "English"), ZH("zh-Hans", "简体中文");

    private final String tag;
    private final String nativeName;

    StaffLanguage(String tag, String nativeName) {
        this.tag = tag;
        this.nativeName = nativeName;
    }

    /** The BCP 47 tag, for {@code <html lang>}. */
    public String tag() {
        return tag;
    }

    /** The language's own name, as the switcher shows it. */
    public String nativeName() {
        return nativeName;
    }

    /** The switcher's value ({@code ?lang=en}, {@code ?lang=zh}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** One language tag as a staff language: {@code en-GB}; {@code zh}, {@code zh-CN}, {@code zh-Hans}; not {@code zh-TW}. */
    public static Optional<StaffLanguage> of(String tag) {
        return LanguageTags.language(tag).flatMap(language -> switch (language) {
            case "en" -> Optional.of(EN);
            case "zh" -> Optional.of(ZH);
            default -> Optional.<StaffLanguage>empty();
        });
    }

    /** The switcher's value back to a language ({@code en}, {@code zh}, or a tag); anything else is none. */
    public static Optional<StaffLanguage> ofCode(String code) {
        for (StaffLanguage language : values()) {
            if (language.code().equals(code)) {
                return Optional.of(language);
            }
        }
        return of(code);
    }

    /**
     * The order of the choice: the switcher's (kept in the session), else the sign-in's {@code locale} claim, else
     * the first of the browser's languages that the pages are written in, else English.
     */
    public static StaffLanguage choose(Optional<StaffLanguage> chosen, String localeClaim, List<Locale> browsers) {
        return chosen.or(() -> of(localeClaim))
                .or(() -> browsers.stream().map(Locale::toLanguageTag).map(StaffLanguage::of).flatMap(Optional::stream)
                        .findFirst())
                .orElse(EN);
    }
}
