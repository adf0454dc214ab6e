package org.consilium.records;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.consilium.events.Roles;
import org.consilium.support.testing.TestTokens;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server that, like intake-service, answers only a {@code service} token, answering {@code GET /cases/{caseId}/attachments/{attachmentId}} the way
 * intake-service does, with content a test puts there; it can fail the first requests (503) to
 * stand for an intake-service that is restarting. One per test JVM, so the Spring context is shared.
 */
public final class IntakeAttachmentServer {
    private static final Map<String, Attachment> ATTACHMENTS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();
    private static volatile JWKSet keys;
    private static final HttpServer SERVER = start();

    private IntakeAttachmentServer() {
    }

    private record Attachment(byte[] content, String contentType) {
    }

    public static String url() {
        return "http://127.0.0.1:" + SERVER.getAddress().getPort();
    }

    public static void serve(String caseId, String attachmentId, byte[] content, String contentType) {
        ATTACHMENTS.put(path(caseId, attachmentId), new Attachment(content, contentType));
    }

    /** The next {@code times} requests for this attachment get a 503. */
    public static void failNext(String caseId, String attachmentId, int times) {
        FAILURES.put(path(caseId, attachmentId), new AtomicInteger(times));
    }

    public static int requests() {
        return REQUESTS.get();
    }

    /** Requests turned away (401) for want of a valid {@code service} token. */
    public static int refused() {
        return REFUSED.get();
    }

    /**
     * As intake-service checks a caller: a bearer JWT signed by the identity provider (TestTokens' key,
     * from its JWKS), unexpired, of its issuer, with role {@code service}.
     */
    static boolean serviceToken(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()).trim());
            if (keys == null) {
                keys = JWKSet.load(URI.create(TestTokens.tokenUri().replace("/token", "/jwks")).toURL());
            }
            JWK key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            List<String> roles = claims.getStringListClaim("roles");
            return key instanceof RSAKey rsa && jwt.verify(new RSASSAVerifier(rsa))
                    && TestTokens.ISSUER.equals(claims.getIssuer())
                    && claims.getExpirationTime() != null && claims.getExpirationTime().after(new Date())
                    && roles != null && roles.contains(Roles.SERVICE);
        } catch (Exception e) {
            return false;
        }
    }

    private static String path(String caseId, String attachmentId) {
        return "/cases/" + caseId + "/attachments/" + attachmentId;
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/cases/", exchange -> {
                REQUESTS.incrementAndGet();
                String path = exchange.getRequestURI().getPath();
                if (!serviceToken(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    REFUSED.incrementAndGet();
                    exchange.sendResponseHeaders(401, -1);
                    exchange.close();
                    return;
                }
                AtomicInteger failures = FAILURES.get(path);
                Attachment attachment = ATTACHMENTS.get(path);
                if (failures != null && failures.getAndDecrement() > 0) {
                    exchange.sendResponseHeaders(503, -1);
                } else if (attachment == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.getResponseHeaders().add("Content-Type", attachment.contentType());
                    exchange.sendResponseHeaders(200, attachment.content().length);
                    try (OutputStream body = exchange.getResponseBody()) {
                        body.write(attachment.content());
                    }
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
