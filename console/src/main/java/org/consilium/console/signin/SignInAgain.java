package org.consilium.console.signin;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A browser without a session (first visit, or the session expired) is sent to sign in, and the page it asked for
 * is remembered so it comes back there. An htmx request cannot follow a redirect to another origin: it gets a 401
 * with {@code HX-Redirect}, and htmx sends the whole page through the sign-in.
 */
final class SignInAgain implements ServerAuthenticationEntryPoint {
    private final ServerRequestCache requests = new WebSessionServerRequestCache();

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException reason) {
        if (exchange.getRequest().getHeaders().containsKey("HX-Request")) {
            exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
            exchange.getResponse().getHeaders().set("HX-Redirect", ConsoleRegistration.SIGN_IN);
            return exchange.getResponse().setComplete();
        }
        return requests.saveRequest(exchange).then(new DefaultServerRedirectStrategy()
                .sendRedirect(exchange, URI.create(ConsoleRegistration.SIGN_IN)));
    }
}
