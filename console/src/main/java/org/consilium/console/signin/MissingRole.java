package org.consilium.console.signin;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import org.consilium.console.language.StaffLanguageFilter;
import org.consilium.console.language.StaffWords;
import reactor.core.publisher.Mono;

/**
 * A signed-in person whose roles do not open this page: a 403 that says what is missing and who they are signed
 * in as, with a way out (sign out, to sign in as someone else). Plain HTML, as it is written outside the views.
 */
final class MissingRole implements ServerAccessDeniedHandler {
    private final String stylesheet;

    MissingRole(Stylesheet stylesheet) {
        this.stylesheet = stylesheet.path();
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        Mono<CsrfToken> csrf = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        Mono<String> signOutField = csrf.map(token -> "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(token.getParameterName())
                + "\" value=\"" + HtmlUtils.htmlEscape(token.getToken()) + "\">").defaultIfEmpty("");
        Mono<StaffWords> words = StaffLanguageFilter.decide(exchange).map(StaffWords::in).defaultIfEmpty(StaffWords.ENGLISH);
        Mono<String> who = words.flatMap(w -> exchange.getPrincipal().cast(Authentication.class).map(SignedInUser::of)
                .map(user -> w.say("missing.signedInAs", HtmlUtils.htmlEscape(user.username()),
                        HtmlUtils.htmlEscape(String.join(", ", user.roles()))))
                .defaultIfEmpty(w.say("missing.notSignedIn")));
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        Place place = path.startsWith("/room") ? ROOM : path.startsWith("/ops") ? OPS
                : path.equals("/my") || path.startsWith("/my/") ? PATIENTS : DESK;
        return Mono.zip(who, signOutField, words).map(found -> page(found.getT1(), found.getT2(), stylesheet, place, found.getT3()))
                .flatMap(html -> {
                    exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
                    exchange.getResponse().getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
                    return exchange.getResponse().writeWith(Mono.just(
                            exchange.getResponse().bufferFactory().wrap(html.getBytes(StandardCharsets.UTF_8))));
                });
    }

    /** Which place needs which role: {@code missing.<key>.people} and {@code missing.<key>.place} in words. */
    record Place(String key, String role) {
    }

    static final Place DESK = new Place("desk", "coordinator");
    static final Place ROOM = new Place("room", "specialist");
    static final Place OPS = new Place("ops", "ops");
    static final Place PATIENTS = new Place("patients", "patient or caregiver");

    /** {@code who} and {@code csrfField} arrive escaped. */
    static String page(String who, String csrfField, String stylesheet) {
        return page(who, csrfField, stylesheet, DESK);
    }

    static String page(String who, String csrfField, String stylesheet, Place place) {
        return page(who, csrfField, stylesheet, place, StaffWords.ENGLISH);
    }

    /** In the person's staff language ({@code words}); the bundle's words hold no markup but the role's emphasis. */
    static String page(String who, String csrfField, String stylesheet, Place place, StaffWords words) {
        return "<!doctype html><html lang=\"" + words.lang() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + words.say("missing.title") + " · Consilium</title><link rel=\"stylesheet\" href=\"" + stylesheet + "\"></head>"
                + "<body><main class=\"page\"><h1>" + words.say("missing.heading", words.say("missing." + place.key() + ".people")) + "</h1>"
                + "<p>" + words.say("missing.needs", words.say("missing." + place.key() + ".place"), place.role(), who) + "</p>"
                + "<p>" + words.say("missing.signOutFirst") + "</p>"
                + "<form method=\"post\" action=\"/logout\">" + csrfField + "<button type=\"submit\">" + words.say("layout.signOut")
                + "</button></form></main></body></html>";
    }
}
