package org.consilium.console.signin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What every page's header needs: the signed-in user, and the CSRF token for its forms (sign out, claim...).
 * WebFlux makes the token lazily; a page that never subscribes to it renders forms the server then refuses.
 */
@ControllerAdvice
class PageModel {
    private final String htmxVersion;
    private final Stylesheet stylesheet;

    PageModel(@Value("${htmx.version}") String htmxVersion, Stylesheet stylesheet) {
        this.htmxVersion = htmxVersion;
        this.stylesheet = stylesheet;
    }

    /** The layout links the stylesheet by its content's hash, so it is cached until it changes. */
    @ModelAttribute("stylesheet")
    String stylesheet() {
        return stylesheet.path();
    }

    /** The layout links {@code /webjars/htmx.org/<version>/dist/htmx.min.js} from the jar. */
    @ModelAttribute("htmxVersion")
    String htmxVersion() {
        return htmxVersion;
    }

    @ModelAttribute("user")
    SignedInUser user(Authentication authentication) {
        return authentication == null ? null : SignedInUser.of(authentication);
    }

    @ModelAttribute("csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }
}
