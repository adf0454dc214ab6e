package org.consilium.support.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Real signed JWTs for service tests: an RSA key whose public half a local HTTP server publishes
 * as a JWKS, so the service under test validates each token exactly as it validates the identity
 * provider's (signature, issuer, expiry). One per test JVM. {@link #register} points the service at
 * it; {@link #token} mints a token for anyone with any roles. It also answers the client-credentials
 * grant at {@link #tokenUri()} (client {@value #SERVICE_CLIENT}, secret {@value #SERVICE_SECRET}) with a
 * {@code service} token, for a service that calls another.
 */
public final class TestTokens {
    public static final String ISSUER = "http://identity.test";
    public static final String SERVICE_CLIENT = "consilium-services";
    public static final String SERVICE_SECRET = "test-service-secret";
    private static final RSAKey KEY = key();
    private static final HttpServer JWKS = start();

    private TestTokens() {
    }

    /** The resource-server properties: this JWKS, this issuer. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks");
    }

    /** Where a service client gets its client-credentials token (form POST, HTTP Basic client authentication). */
    public static String tokenUri() {
        return "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/token";
    }

    /** A bearer token for this user ({@code preferred_username}, {@code email}, {@code roles}), valid 30 minutes. */
    public static String token(String username, String email, String... roles) {
        return sign(ISSUER, username, email, Instant.now().plus(Duration.ofMinutes(30)), roles);
    }

    /** An {@code Authorization} header value. */
    public static String bearer(String username, String email, String... roles) {
        return "Bearer " + token(username, email, roles);
    }

    /** A token that is expired, or from another issuer: what a service must refuse. */
    public static String expired(String username, String... roles) {
        return sign(ISSUER, username, username + "@example.org", Instant.now().minus(Duration.ofMinutes(5)), roles);
    }

    public static String foreign(String username, String... roles) {
        return sign("http://someone-else.test", username, username + "@example.org",
                Instant.now().plus(Duration.ofMinutes(30)), roles);
    }

    /** Properly signed by this issuer, but issued to another application (another client of the realm). */
    public static String ofAnotherClient(String username, String... roles) {
        return sign(ISSUER, username, username + "@example.org", Instant.now().plus(Duration.ofMinutes(30)),
                "another-application", roles);
    }

    private static String sign(String issuer, String username, String email, Instant expires, String... roles) {
        return sign(issuer, username, email, expires, "consilium-web", roles);
    }

    private static String sign(String issuer, String username, String email, Instant expires, String audience,
                               String... roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer).subject(username).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(Instant.now().minusSeconds(5))).expirationTime(Date.from(expires))
                .claim("preferred_username", username).claim("email", email).claim("roles", List.of(roles)).audience(audience)
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                // one request per connection: a kept-alive connection this server drops later must never be reused
                exchange.getResponseHeaders().add("Connection", "close");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.createContext("/token", exchange -> {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (SERVICE_CLIENT + ":" + SERVICE_SECRET).getBytes(StandardCharsets.UTF_8));
                boolean ok = form.contains("grant_type=client_credentials")
                        && basic.equals(exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] body = (ok ? "{\"access_token\":\"" + token(SERVICE_CLIENT, null, "service")
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":1800}"
                        : "{\"error\":\"invalid_client\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("Connection", "close");
                exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
