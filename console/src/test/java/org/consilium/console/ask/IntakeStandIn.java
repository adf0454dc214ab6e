package org.consilium.console.ask;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * intake-service's draft and submission as the request form uses them, on a real port (their rules are intake's own
 * tests): one person's draft kept in memory ({@code GET/PUT/DELETE /drafts/mine}), and {@code POST /cases} refusing,
 * as intake's validation does, a request without a question for the panel (400, the field named) and otherwise
 * opening {@code case-9}. {@link #down} makes every call a 503.
 */
final class IntakeStandIn implements AutoCloseable {
    static final String KEY = "draft-0f1e";
    private static final ObjectMapper JSON = new ObjectMapper();
    final AtomicReference<ObjectNode> draft = new AtomicReference<>();
    final AtomicReference<JsonNode> sent = new AtomicReference<>();
    final AtomicReference<HttpHeaders> sentHeaders = new AtomicReference<>();
    final AtomicBoolean down = new AtomicBoolean();
    private final DisposableServer server;

    IntakeStandIn() {
        server = HttpServer.create().host("127.0.0.1").port(0).route(routes -> routes
                .get("/drafts/mine", (in, out) -> down.get() ? out.status(503).send()
                        : draft.get() == null ? problem(out, 404, "no-draft", "[]")
                        : out.header("Content-Type", "application/json").sendString(Mono.just(draft.get().toString())))
                .put("/drafts/mine", (in, out) -> in.receive().aggregate().asString().flatMap(body -> {
                    if (down.get()) {
                        return out.status(503).send().then();
                    }
                    ObjectNode saved = (ObjectNode) read(body);
                    // as intake's door: a text with a control or bidirectional character is refused, by its path
                    com.fasterxml.jackson.databind.node.ArrayNode refused = JSON.createArrayNode();
                    saved.path("answers").fields().forEachRemaining(answer -> {
                        for (int i = 0; i < answer.getValue().size(); i++) {
                            String problem = org.consilium.events.text.PlainText.problem(answer.getValue().get(i).asText());
                            if (problem != null) {
                                refused.addObject().put("field", "answers." + answer.getKey() + "[" + i + "]")
                                        .put("message", problem);
                            }
                        }
                    });
                    if (!refused.isEmpty()) {
                        return problem(out, 400, "validation", refused.toString()).then();
                    }
                    saved.put("requestKey", KEY).put("savedAt", "2026-12-06T10:00:00Z")
                            .put("expiresAt", "2027-01-05T10:00:00Z");
                    draft.set(saved);
                    return out.header("Content-Type", "application/json").sendString(Mono.just(saved.toString())).then();
                }))
                .delete("/drafts/mine", (in, out) -> {
                    draft.set(null);
                    return out.status(204).send();
                })
                .post("/cases", (in, out) -> in.receive().aggregate().asString().flatMap(body -> {
                    JsonNode intake = read(body);
                    sent.set(intake);
                    sentHeaders.set(in.requestHeaders());
                    if (intake.path("questionForPanel").isNull() || intake.path("questionForPanel").asText().isBlank()) {
                        return problem(out, 400, "validation", """
                                [{"field": "questionForPanel", "message": "must not be blank"},
                                 {"field": "consent.review", "message": "must be true: the case cannot be reviewed without it"}]""")
                                .then();
                    }
                    draft.set(null);
                    return out.status(201).header("Content-Type", "application/json")
                            .sendString(Mono.just("{\"caseId\": \"case-9\", \"stage\": \"SUBMITTED\"}")).then();
                })))
                .bindNow();
    }

    void seed(Map<String, List<String>> answers, String step) {
        ObjectNode saved = JSON.createObjectNode().put("step", step).put("requestKey", KEY)
                .put("savedAt", "2026-12-06T10:00:00Z").put("expiresAt", "2027-01-05T10:00:00Z");
        saved.set("answers", JSON.valueToTree(answers));
        draft.set(saved);
    }

    private static reactor.netty.NettyOutbound problem(reactor.netty.http.server.HttpServerResponse out, int status,
                                                       String type, String errors) {
        return out.status(status).header("Content-Type", "application/problem+json").sendString(Mono.just(
                "{\"type\": \"urn:consilium:problem:" + type + "\", \"status\": " + status + ", \"title\": \"" + type
                        + "\", \"errors\": " + errors + "}"));
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(body, e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
