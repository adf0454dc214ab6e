package org.consilium.console.language;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The exchange's locale as {@link StaffLanguageFilter} chose it; where the filter did not run (a static file), the
 * browser's Accept-Language as the staff pages read it, else English. Changed only through the switcher
 * ({@code ?lang=}), never by a call here.
 */
class StaffLocales implements LocaleContextResolver {

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        StaffLanguage chosen = exchange.getAttribute(StaffLanguageFilter.ATTRIBUTE);
        StaffLanguage language = chosen != null ? chosen : StaffLanguage.choose(java.util.Optional.empty(), null,
                exchange.getRequest().getHeaders().getAcceptLanguageAsLocales());
        return new SimpleLocaleContext(language.locale());
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
        throw new UnsupportedOperationException("the staff language is chosen with ?lang=, kept in the session");
    }
}
