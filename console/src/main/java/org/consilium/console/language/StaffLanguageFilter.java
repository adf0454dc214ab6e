package org.consilium.console.language;

import java.security.Principal;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Decides each staff page's language before the page is made ({@link StaffLanguage#choose}) and leaves it on the
 * exchange for {@link StaffLocales}: the locale Thymeleaf's {@code #{...}} and the controllers read. A filter, since
 * the session and the signed-in user are only reached asynchronously and a LocaleContextResolver is not. Runs after
 * Spring Security's chain, so the principal is the signed-in person. {@code ?lang=en|zh} is kept in the session; the
 * patient's and the doctor's pages ({@code /my}, {@code /upload}) keep their own choice and are left alone.
 */
@Component
public class StaffLanguageFilter implements WebFilter {
    static final String SESSION_KEY = "consilium.staff.language";
    static final String ATTRIBUTE = StaffLanguage.class.getName();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/") || path.startsWith("/actuator")
                || path.equals("/my") || path.startsWith("/my/") || path.startsWith("/upload/")) {
            return chain.filter(exchange);
        }
        return decide(exchange).then(chain.filter(exchange));
    }

    /**
     * The exchange's staff language, decided once and left on it: for this filter, and for what answers inside Spring
     * Security's chain before it runs (the 403 page of a missing role).
     */
    public static Mono<StaffLanguage> decide(ServerWebExchange exchange) {
        StaffLanguage decided = exchange.getAttribute(ATTRIBUTE);
        if (decided != null) {
            return Mono.just(decided);
        }
        Optional<StaffLanguage> asked = StaffLanguage.ofCode(exchange.getRequest().getQueryParams().getFirst("lang"));
        return exchange.getSession()
                .map(session -> keep(session, asked))
                .flatMap(chosen -> exchange.getPrincipal().map(StaffLanguageFilter::localeClaim).defaultIfEmpty("")
                        .map(claim -> StaffLanguage.choose(chosen, claim,
                                exchange.getRequest().getHeaders().getAcceptLanguageAsLocales())))
                .doOnNext(language -> exchange.getAttributes().put(ATTRIBUTE, language));
    }

    /** The switcher's choice, stored; else the one stored before. */
    private static Optional<StaffLanguage> keep(WebSession session, Optional<StaffLanguage> asked) {
        asked.ifPresent(language -> session.getAttributes().put(SESSION_KEY, language.code()));
        return asked.or(() -> StaffLanguage.ofCode(session.getAttribute(SESSION_KEY)));
    }

    /** The OIDC {@code locale} claim (ID token merged with user info), else none. */
    static String localeClaim(Principal principal) {
        if (principal instanceof Authentication authentication) {
            if (authentication.getPrincipal() instanceof OidcUser user) {
                return user.getLocale() == null ? "" : user.getLocale();
            }
            if (authentication.getPrincipal() instanceof OAuth2User user && user.getAttribute("locale") instanceof String locale) {
                return locale;
            }
        }
        return "";
    }
}
