package org.consilium.bpmn.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A small OpenID provider for bpmn's security tests, on {@code localhost} like the stack's provider (so on the
 * same host as bpmn, another port): discovery document, JWKS, a token endpoint that redeems authorization codes,
 * with real RS256 signatures, and an authorize endpoint with a login form ({@link TestLoginForm}). bpmn is
 * configured with its issuer exactly as with the real provider, so it validates bearer tokens and runs the whole
 * browser login (redirect, code exchange with the client secret, ID token checks including the nonce) for real.
 * Most tests take a shortcut and play the user at the authorize step ({@link #approve}).
 * <p>
 * bpmn does not depend on service-support (WebFlux), so its {@code TestTokens} is not used here.
 */
public final class TestIdentity {
    public static final String CLIENT_ID = "consilium-camunda";
    public static final String CLIENT_SECRET = "test-camunda-secret";
    private static final RSAKey KEY = key();
    private static final RSAKey OTHER_KEY = key();
    private static final Map<String, Login> CODES = new ConcurrentHashMap<>();
    private static final HttpServer SERVER = start();

    private record Login(String username, List<String> roles, String nonce) {
    }

    private TestIdentity() {
    }

    public static String issuer() {
        return "http://localhost:" + SERVER.getAddress().getPort();
    }

    /** An {@code Authorization} header value: a token of this issuer for the user with these roles. */
    public static String bearer(String username, String... roles) {
        return "Bearer " + sign(KEY, issuer(), username, null, Instant.now().plus(Duration.ofMinutes(30)), roles);
    }

    public static String expired(String username, String... roles) {
        return "Bearer " + sign(KEY, issuer(), username, null, Instant.now().minus(Duration.ofMinutes(5)), roles);
    }

    /** Signed by a key this issuer never published. */
    public static String forged(String username, String... roles) {
        return "Bearer " + sign(OTHER_KEY, issuer(), username, null, Instant.now().plus(Duration.ofMinutes(30)), roles);
    }

    /** Properly signed, but naming another issuer. */
    public static String foreign(String username, String... roles) {
        return "Bearer " + sign(KEY, "http://someone-else.test", username, null,
                Instant.now().plus(Duration.ofMinutes(30)), roles);
    }

    /** Properly signed by this issuer, but issued to another application (another client of the realm). */
    public static String ofAnotherClient(String username, String... roles) {
        return "Bearer " + sign(KEY, issuer(), username, Map.of("aud", List.of("another-application")),
                Instant.now().plus(Duration.ofMinutes(30)), roles);
    }

    /** The password of every user of the login form ({@link TestLoginForm}: cora.nolan, ops.kim, pat.lee). */
    public static final String PASSWORD = TestLoginForm.PASSWORD;

    /** The user signs in at the authorize step: a code for the token endpoint, bound to the request's nonce. */
    public static String approve(String username, String nonce, String... roles) {
        String code = UUID.randomUUID().toString();
        CODES.put(code, new Login(username, List.of(roles), nonce));
        return code;
    }

    private static String sign(RSAKey key, String issuer, String username, Map<String, Object> extra, Instant expires,
                               String... roles) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer).subject(username).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(Instant.now().minusSeconds(5))).expirationTime(Date.from(expires))
                .claim("preferred_username", username).claim("email", username + "@example.org")
                .claim("roles", List.of(roles)).audience("consilium-web");
        if (extra != null) {
            extra.forEach(claims::claim);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
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
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/.well-known/openid-configuration", exchange -> {
                String issuer = issuer();
                respond(exchange, 200, "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer
                        + "/authorize\",\"token_endpoint\":\"" + issuer + "/token\",\"jwks_uri\":\"" + issuer
                        + "/jwks\",\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                        + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\"],"
                        + "\"scopes_supported\":[\"openid\",\"profile\",\"email\"]}");
            });
            server.createContext("/jwks", exchange -> respond(exchange, 200, new JWKSet(KEY.toPublicJWK()).toString()));
            server.createContext("/token", TestIdentity::token);
            TestLoginForm form = new TestLoginForm();
            server.createContext("/authorize", form::authorize);
            server.createContext("/login", form::login);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = Arrays.stream(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8).split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0],
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Login login = "authorization_code".equals(form.get("grant_type")) ? CODES.remove(form.get("code")) : null;
        if (login == null) {
            respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        Instant expires = Instant.now().plus(Duration.ofMinutes(30));
        String idToken = sign(KEY, issuer(), login.username(), Map.of("aud", CLIENT_ID, "nonce", login.nonce(),
                "azp", CLIENT_ID), expires, login.roles().toArray(String[]::new));
        String accessToken = sign(KEY, issuer(), login.username(), null, expires, login.roles().toArray(String[]::new));
        respond(exchange, 200, "{\"access_token\":\"" + accessToken + "\",\"id_token\":\"" + idToken
                + "\",\"token_type\":\"Bearer\",\"expires_in\":1800,\"scope\":\"openid profile email\"}");
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Connection", "close");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
