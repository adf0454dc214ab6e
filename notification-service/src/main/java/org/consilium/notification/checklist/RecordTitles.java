package org.consilium.notification.checklist;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * What the reader calls a checklist record: the records-service item code ({@code brain-mri}) as a title in
 * their language, from {@code checklist/titles_<lang>.properties} ({@code titles.properties} is English and the
 * fallback for a code a language leaves out). The process sends codes only, so that no wording lives in the
 * engine; the words are here, beside the templates that use them.
 */
public final class RecordTitles {
    private static final String BUNDLE = "checklist.titles";
    /** Never the JVM's default locale: a server in Lisbon must not write Portuguese titles into an English email. */
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private RecordTitles() {
    }

    /** The title of {@code code} in {@code locale}; a code without a title (or free text) is returned as written. */
    public static String title(String code, Locale locale) {
        String key = "item." + code.strip().toLowerCase(Locale.ROOT);
        try {
            return ResourceBundle.getBundle(BUNDLE, locale, NO_DEFAULT_LOCALE).getString(key);
        } catch (MissingResourceException unknown) {
            return code.strip();
        }
    }
}
