package org.consilium.identity.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A client_credentials token for {@code consilium-services} (role {@code service}), as one service would get it. */
public final class ServiceToken {

    public static final String SERVICES_CLIENT = "consilium-services";
    /** The provider's default; a stack started with SERVICES_CLIENT_SECRET uses that instead. */
    public static final String DEFAULT_SECRET = "consilium-services-secret";

    private ServiceToken() {
    }

    /** With the secret from SERVICES_CLIENT_SECRET or the provider's default. */
    public static TokenResponse issue(URI provider) {
        String fromEnvironment = System.getenv("SERVICES_CLIENT_SECRET");
        return issue(provider, SERVICES_CLIENT,
                fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_SECRET : fromEnvironment);
    }

    public static TokenResponse issue(URI provider, String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString(
                (TokenEndpoint.encode(clientId) + ":" + TokenEndpoint.encode(secret)).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().connectTimeout(TokenEndpoint.TIMEOUT).build();
        return TokenEndpoint.exchange(http, TokenEndpoint.post(provider.resolve("/oauth2/token"),
                        Map.of("grant_type", "client_credentials"))
                .header("Authorization", "Basic " + basic)
                .build());
    }
}
