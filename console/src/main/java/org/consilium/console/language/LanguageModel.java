package org.consilium.console.language;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every staff page's header and body need for its language: {@code words} (the page's language, for what Java
 * objects say on it) and {@code languages} (the switcher: this same address with {@code lang} set, each language in
 * its own name).
 */
@ControllerAdvice
public class LanguageModel {

    @ModelAttribute("words")
    StaffWords words(Locale locale) {
        return StaffWords.in(locale);
    }

    @ModelAttribute("languages")
    List<LanguageLink> languages(ServerWebExchange exchange, Locale locale) {
        return links(exchange, locale);
    }

    /** The same, the page's language from its locale. */
    public static List<LanguageLink> links(ServerWebExchange exchange, Locale locale) {
        return links(exchange, locale == null ? StaffLanguage.EN : StaffLanguage.ofCode(locale.toLanguageTag()).orElse(StaffLanguage.EN));
    }

    /**
     * The switcher's links: this same address in each language, without the one-time messages of a form just sent
     * ({@code done}, {@code refused}, ...: said in the language they were made in, and an issued link is shown once).
     */
    public static List<LanguageLink> links(ServerWebExchange exchange, StaffLanguage current) {
        return Arrays.stream(StaffLanguage.values()).map(language -> new LanguageLink(language.code(), language.tag(),
                language.nativeName(), UriComponentsBuilder.fromPath(exchange.getRequest().getPath().pathWithinApplication().value())
                        .query(query(exchange)).replaceQueryParam("lang", language.code())
                        .replaceQueryParam("done").replaceQueryParam("refused").replaceQueryParam("report")
                        .replaceQueryParam("reportRefused").replaceQueryParam("records").replaceQueryParam("links")
                        .replaceQueryParam("panel").replaceQueryParam("issued")
                        .build(true).toUriString(), language == current)).toList();
    }

    private static String query(ServerWebExchange exchange) {
        String query = exchange.getRequest().getURI().getRawQuery();
        return query == null ? "" : query;
    }

    /** One language of the switcher: its value, tag, own name, this page in it, whether it is the page's. */
    public record LanguageLink(String code, String tag, String name, String href, boolean current) {
    }
}
