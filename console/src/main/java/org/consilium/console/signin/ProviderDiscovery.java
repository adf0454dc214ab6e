package org.consilium.console.signin;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The provider's OIDC discovery document, read at the first sign-in rather than at start-up (the stack starts
 * every JVM at once, and the console must not die because the provider answers a second later). A document that
 * was read is kept; a failed read is not, so the next sign-in tries again.
 */
final class ProviderDiscovery {
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final String issuer;
    private final WebClient http;
    private final Duration timeout;
    private final AtomicReference<Map<String, Object>> known = new AtomicReference<>();

    ProviderDiscovery(String issuer, WebClient http, Duration timeout) {
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.http = http;
        this.timeout = timeout;
    }

    Mono<Map<String, Object>> configuration() {
        Map<String, Object> cached = known.get();
        if (cached != null) {
            return Mono.just(cached);
        }
        return http.get().uri(issuer + "/.well-known/openid-configuration").retrieve().bodyToMono(JSON)
                .timeout(timeout)
                .filter(document -> issuer.equals(document.get("issuer")))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "the discovery document of " + issuer + " names another issuer")))
                .doOnNext(known::set);
    }
}
