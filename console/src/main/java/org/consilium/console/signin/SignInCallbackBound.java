package org.consilium.console.signin;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.consilium.console.ConsoleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The provider's redirect back to the console ({@code /login/oauth2/code/...}) answers within a bound, whatever
 * happens inside it. Each call it makes is bounded ({@link ProviderCalls}), yet browser tests under load saw that
 * request left without an answer for 90 s with the console's event loops idle: a step that never completed, and the
 * person before a blank page. Bounded here, they land on {@code /sign-in-failed} (which offers to sign in again and
 * keeps where they were going), and the log says so with the time it took.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SignInCallbackBound implements WebFilter {
    static final String CALLBACK = "/login/oauth2/code/";
    static final String TIMED_OUT = "sign_in_timed_out";
    private static final Logger log = LoggerFactory.getLogger(SignInCallbackBound.class);

    private final Duration bound;

    SignInCallbackBound(ConsoleProperties properties) {
        // the code exchange, the key set and the user info, each bounded by the call timeout, and a margin
        this.bound = properties.callTimeout().multipliedBy(3).plusSeconds(5);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith(CALLBACK)) {
            return chain.filter(exchange);
        }
        long started = System.nanoTime();
        return chain.filter(exchange).timeout(bound).onErrorResume(TimeoutException.class, stalled -> {
            log.warn("the sign-in callback did not finish within {} s (started {} ms ago); the browser is sent to {}",
                    bound.toSeconds(), (System.nanoTime() - started) / 1_000_000, ConsoleSecurity.SIGN_IN_FAILED);
            if (exchange.getResponse().isCommitted()) {
                return Mono.empty();
            }
            exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
            exchange.getResponse().getHeaders().setLocation(URI.create(ConsoleSecurity.SIGN_IN_FAILED + "?error=" + TIMED_OUT));
            return exchange.getResponse().setComplete();
        });
    }
}
