package org.consilium.console.upload;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.server.ServerWebExchange;

/**
 * The language of an upload page and its words ({@code i18n/uploads*.properties}). A bundle of its own, not the
 * application's {@code messageSource}: the patient's other pages keep theirs, and neither overrides the other.
 * Chosen by {@code ?lang=} (the page's language links), else the browser's languages, else English.
 *
 * @param tag  the BCP 47 tag for {@code <html lang>}
 * @param rtl  whether the page is laid out right to left ({@code <html dir="rtl">})
 */
public record UploadLanguage(Locale locale, String tag, boolean rtl, MessageSource words) {
    static final List<Locale> OFFERED = List.of(Locale.ENGLISH, Locale.forLanguageTag("zh-CN"), Locale.forLanguageTag("ar"));
    private static final MessageSource BUNDLE = bundle();

    static UploadLanguage of(ServerWebExchange exchange) {
        String asked = exchange.getRequest().getQueryParams().getFirst("lang");
        Locale chosen = asked == null ? null : OFFERED.stream()
                .filter(l -> l.toLanguageTag().equalsIgnoreCase(asked) || l.getLanguage().equalsIgnoreCase(asked))
                .findFirst().orElse(null);
        if (chosen == null) {
            List<Locale> browser = exchange.getRequest().getHeaders().getAcceptLanguageAsLocales();
            chosen = browser.stream().flatMap(b -> OFFERED.stream().filter(l -> l.getLanguage().equals(b.getLanguage())))
                    .findFirst().orElse(Locale.ENGLISH);
        }
        return new UploadLanguage(chosen, chosen.toLanguageTag(), "ar".equals(chosen.getLanguage()), BUNDLE);
    }

    /**
     * The page's words: {@code w.msg('key')}, {@code w.msg('key', arg)}; a missing key shows as itself, never an error.
     * No varargs: Thymeleaf's restricted attributes refuse an expression that makes an array.
     */
    public String msg(String key) {
        return words.getMessage(key, null, key, locale);
    }

    public String msg(String key, Object arg) {
        return words.getMessage(key, new Object[]{arg}, key, locale);
    }

    /** As {@link #msg} with a fallback for keys that may not exist (an item's translated title: else records' own). */
    public String or(String key, String fallback) {
        return words.getMessage(key, null, fallback, locale);
    }

    private static MessageSource bundle() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/uploads");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
