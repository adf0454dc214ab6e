package org.consilium.console.language;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A language tag as the console's pages read it (the patient's and the staff's alike): its language subtag, with
 * Traditional Chinese ({@code zh-Hant}, {@code zh-TW}, {@code zh-HK}, {@code zh-MO}) told apart, since the pages'
 * Chinese is Simplified and must not be given to a reader of Traditional.
 */
public final class LanguageTags {
    private static final List<String> TRADITIONAL_REGIONS = List.of("TW", "HK", "MO");

    private LanguageTags() {
    }

    /** {@code en-GB} → {@code en}; {@code zh}, {@code zh-CN}, {@code zh-Hans} → {@code zh}; Traditional Chinese, blank → none. */
    public static Optional<String> language(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        Locale locale = Locale.forLanguageTag(tag.strip().replace('_', '-'));
        boolean traditional = "zh".equals(locale.getLanguage())
                && ("Hant".equals(locale.getScript()) || TRADITIONAL_REGIONS.contains(locale.getCountry()));
        return traditional || locale.getLanguage().isEmpty() ? Optional.empty() : Optional.of(locale.getLanguage());
    }
}
