package org.consilium.support.security;

import io.netty.channel.ChannelOption;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

import java.time.Duration;

/**
 * The JWT decoder: keys from the provider's JWKS (found by discovery from the issuer, or given as
 * {@code jwk-set-uri}), issuer, expiry and the client it was issued to ({@link TokenClients}) checked. Unlike Boot's default it talks to the provider
 * with bounded connect and response times and without keeping connections for reuse: a provider that
 * is down or slow fails the request (401) within seconds instead of holding it forever on a stale
 * connection. Resolved at the first request, so a service starts before its provider.
 */
final class TokenDecoder {
    static final Duration CONNECT = Duration.ofSeconds(5);
    static final Duration RESPONSE = Duration.ofSeconds(10);

    private TokenDecoder() {
    }

    static ReactiveJwtDecoder of(OAuth2ResourceServerProperties properties, TokenClients clients) {
        String issuer = properties.getJwt().getIssuerUri();
        String jwkSetUri = properties.getJwt().getJwkSetUri();
        WebClient web = WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.newConnection()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) CONNECT.toMillis())
                .responseTimeout(RESPONSE))).build();
        return new SupplierReactiveJwtDecoder(() -> {
            NimbusReactiveJwtDecoder decoder = (jwkSetUri != null
                    ? NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri) : NimbusReactiveJwtDecoder.withIssuerLocation(issuer))
                    .webClient(web).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                    clients));
            return decoder;
        });
    }
}
