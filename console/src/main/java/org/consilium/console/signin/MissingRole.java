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
        Mono<String> who = exchange.getPrincipal().cast(Authentication.class).map(SignedInUser::of)
                .map(user -> "signed in as " + HtmlUtils.htmlEscape(user.username()) + " (roles: "
                        + HtmlUtils.htmlEscape(String.join(", ", user.roles())) + ")")
                .defaultIfEmpty("not signed in");
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        Place place = path.startsWith("/room") ? ROOM : path.startsWith("/ops") ? OPS
                : path.equals("/my") || path.startsWith("/my/") ? PATIENTS : DESK;
        return Mono.zip(who, signOutField, (person, field) -> page(person, field, stylesheet, place))
                .flatMap(html -> {
                    exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
                    exchange.getResponse().getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
                    return exchange.getResponse().writeWith(Mono.just(
                            exchange.getResponse().bufferFactory().wrap(html.getBytes(StandardCharsets.UTF_8))));
                });
    }

    /** Which place needs which role, in words. */
    record Place(String people, String place, String role) {
    }

    static final Place DESK = new Place("coordinators", "The coordinator's desk", "coordinator");
    static final Place ROOM = new Place("specialists", "The review room", "specialist");
    static final Place OPS = new Place("the operations team", "The operations pages", "ops");
    static final Place PATIENTS = new Place("patients and caregivers", "This window on one's own case",
            "patient or caregiver");

    /** {@code who} and {@code csrfField} arrive escaped. */
    static String page(String who, String csrfField, String stylesheet) {
        return page(who, csrfField, stylesheet, DESK);
    }

    static String page(String who, String csrfField, String stylesheet, Place place) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Not for your role · Consilium</title><link rel=\"stylesheet\" href=\"" + stylesheet + "\"></head>"
                + "<body><main class=\"page\"><h1>This page is for " + place.people() + "</h1>"
                + "<p>" + place.place() + " needs the role <strong>" + place.role() + "</strong>; you are " + who + ".</p>"
                + "<p>Sign out to sign in as someone else.</p>"
                + "<form method=\"post\" action=\"/logout\">" + csrfField + "<button type=\"submit\">Sign out</button></form>"
                + "</main></body></html>";
    }
}
