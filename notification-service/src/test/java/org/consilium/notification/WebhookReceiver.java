package org.consilium.notification;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP subscriber (the JDK's server) that verifies each request the way the README tells receivers
 * to, independently of the service's own signing code, and answers with scripted statuses (then 200).
 */
final class WebhookReceiver implements AutoCloseable {
    record Received(Instant at, String id, String timestamp, String signature, String attempt, String body,
                    boolean signatureValid) {
    }

    private final HttpServer server;
    private final String secret;
    private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookReceiver(String secret, Integer... firstStatuses) {
        this.secret = secret;
        statuses.addAll(List.of(firstStatuses));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedFor(String caseId) {
        return received.stream().filter(r -> r.body().contains("\"caseId\":\"" + caseId + "\"")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Headers h = exchange.getRequestHeaders();
        String timestamp = h.getFirst("Consilium-Webhook-Timestamp");
        String signature = h.getFirst("Consilium-Webhook-Signature");
        String text = new String(body, StandardCharsets.UTF_8);
        received.add(new Received(Instant.now(), h.getFirst("Consilium-Webhook-Id"), timestamp, signature,
                h.getFirst("Consilium-Webhook-Attempt"), text, verify(timestamp, text, signature)));
        Integer scripted = statuses.poll();
        exchange.sendResponseHeaders(scripted == null ? 200 : scripted, -1);
        exchange.close();
    }

    /** What the README asks of receivers: recompute over "timestamp.body", compare in constant time, check freshness. */
    private boolean verify(String timestamp, String body, String signature) {
        if (timestamp == null || signature == null
                || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "v1=" + HexFormat.of().formatHex(
                    mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
