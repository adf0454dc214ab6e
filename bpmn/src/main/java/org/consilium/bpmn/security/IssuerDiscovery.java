package org.consilium.bpmn.security;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestOperations;
import org.springframework.web.client.RestTemplate;

import java.time.Duration;
import java.util.Map;

/**
 * The identity provider's OIDC discovery document, fetched at the first request that needs it (so bpmn
 * starts, and its engine runs, before the provider is up) and kept once it was read. A failed fetch is not
 * kept: the next request tries again. Every call to the provider (discovery, JWKS, the login's token
 * exchange) is bounded by short timeouts, so a provider that hangs cannot hold request threads.
 */
final class IssuerDiscovery {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private final String issuer;
    private final TokenClients clients;
    private final RestTemplate rest = boundedRest();
    private volatile Map<String, Object> configuration;

    IssuerDiscovery(String issuer, TokenClients clients) {
        this.issuer = issuer;
        this.clients = clients;
    }

    String issuer() {
        return issuer;
    }

    Map<String, Object> configuration() {
        Map<String, Object> known = configuration;
        if (known == null) {
            String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
            known = rest.exchange(base + "/.well-known/openid-configuration", HttpMethod.GET, null, JSON_OBJECT)
                    .getBody();
            if (known == null || !issuer.equals(known.get("issuer"))) {
                throw new IllegalStateException("the discovery document of " + issuer + " names another issuer");
            }
            configuration = known;
        }
        return known;
    }

    /** Checks signature (keys from the provider's JWKS), issuer, expiry and client; built at the first token. */
    JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(String.valueOf(configuration().get("jwks_uri")))
                .restOperations(rest).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), clients));
        return decoder;
    }

    static RestTemplate boundedRest() {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(CONNECT_TIMEOUT);
        factory.setReadTimeout(READ_TIMEOUT);
        return new RestTemplate(factory);
    }

    RestOperations rest() {
        return rest;
    }
}
