package org.consilium.bpmn.support;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * {@link TestIdentity}'s authorize endpoint and login form, for tests that play the whole browser login. It
 * keeps its browser session the way a servlet-container provider does (Spring Authorization Server by default):
 * a {@code JSESSIONID} cookie, set when the authorize request is remembered and renewed at sign-in. On the same
 * host as bpmn that is the cookie a browser would let overwrite bpmn's, were bpmn's called the same (issue 11).
 */
final class TestLoginForm {
    static final String SESSION_COOKIE = "JSESSIONID";
    static final String PASSWORD = "test-password";
    private static final Map<String, List<String>> USERS = Map.of(
            "cora.nolan", List.of("coordinator"), "ops.kim", List.of("ops"), "pat.lee", List.of("patient"));

    /** A browser's session here: the authorize request it came with, and who signed in (null until then). */
    private record Session(URI authorizeRequest, String username) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** GET /authorize: to the login form first; once signed in, back to the client with a code. */
    void authorize(HttpExchange exchange) throws IOException {
        URI request = URI.create(TestIdentity.issuer() + exchange.getRequestURI());
        Session session = sessions.get(sessionId(exchange));
        if (session == null || session.username() == null) {
            redirect(exchange, TestIdentity.issuer() + "/login", newSession(new Session(request, null)));
            return;
        }
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
        String code = TestIdentity.approve(session.username(), query.get("nonce"),
                USERS.get(session.username()).toArray(String[]::new));
        redirect(exchange, query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8), null);
    }

    /** GET /login shows the form; POST /login signs in and returns to the remembered authorize request. */
    void login(HttpExchange exchange) throws IOException {
        if ("GET".equals(exchange.getRequestMethod())) {
            byte[] form = ("<form method=\"post\" action=\"/login\"><input name=\"username\"><input name=\"password\" "
                    + "type=\"password\"><button>Sign in</button></form>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, form.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(form);
            }
            return;
        }
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Session session = sessions.remove(sessionId(exchange));
        String username = form.get("username");
        if (session == null || !USERS.containsKey(username) || !PASSWORD.equals(form.get("password"))) {
            redirect(exchange, TestIdentity.issuer() + "/login?error", null);
            return;
        }
        // a new session id at sign-in, as Spring Security's session-fixation protection does: a second Set-Cookie
        redirect(exchange, session.authorizeRequest().toString(),
                newSession(new Session(session.authorizeRequest(), username)));
    }

    private String newSession(Session session) {
        String id = UUID.randomUUID().toString();
        sessions.put(id, session);
        return id;
    }

    private static String sessionId(HttpExchange exchange) {
        return exchange.getRequestHeaders().getOrDefault("Cookie", List.of()).stream()
                .flatMap(header -> Arrays.stream(header.split(";")))
                .map(String::trim)
                .filter(cookie -> cookie.startsWith(SESSION_COOKIE + "="))
                .map(cookie -> cookie.substring(SESSION_COOKIE.length() + 1))
                .findFirst().orElse("");
    }

    private static void redirect(HttpExchange exchange, String location, String newSessionId) throws IOException {
        if (newSessionId != null) {
            exchange.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=" + newSessionId + "; Path=/; HttpOnly");
        }
        exchange.getResponseHeaders().add("Location", location);
        exchange.getResponseHeaders().add("Connection", "close");
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static Map<String, String> parse(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(encoded.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "",
                        (first, second) -> first));
    }
}
