package org.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A plain HTTP client speaking JSON to the public APIs, as any other client of Consilium would, with
 * the bearer token of a signed-in demo user. The static methods act as the coordinator, who runs the
 * desk in these journeys; {@link #as} acts as someone else (the referrer who submits, a specialist
 * on the panel, a patient who must be refused).
 */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    record Response(int status, JsonNode body, String raw) {
    }

    /** Requests made as one signed-in demo user. */
    record As(String username) {
        Response get(String url) {
            return send(authorized(HttpRequest.newBuilder(URI.create(url)).GET()));
        }

        Response post(String url, Object json) {
            return sendJson("POST", url, json, Map.of());
        }

        /** With headers of the caller's own, e.g. an {@code Idempotency-Key} that makes a retried submission safe. */
        Response post(String url, Object json, Map<String, String> headers) {
            return sendJson("POST", url, json, headers);
        }

        Response put(String url, Object json) {
            return sendJson("PUT", url, json, Map.of());
        }

        Response delete(String url) {
            return send(authorized(HttpRequest.newBuilder(URI.create(url)).DELETE()));
        }

        private Response sendJson(String method, String url, Object json, Map<String, String> headers) {
            try {
                String body = json instanceof String s ? s : JSON.writeValueAsString(json);
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body));
                headers.forEach(request::header);
                return send(authorized(request));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** multipart/form-data with a text part {@code item} and a file part {@code file}. */
        Response upload(String url, String item, String filename, String contentType, byte[] content) {
            return upload(url, item, filename, contentType, content, Map.of());
        }

        /** With headers of the caller's own, e.g. a {@code traceparent} that starts the trace the upload is followed by. */
        Response upload(String url, String item, String filename, String contentType, byte[] content,
                        Map<String, String> headers) {
            HttpRequest.Builder request = multipart(url, item, filename, contentType, content);
            headers.forEach(request::header);
            return send(authorized(request));
        }

        private HttpRequest.Builder authorized(HttpRequest.Builder request) {
            return request.header("Authorization", DemoUsers.bearer(username));
        }
    }

    static As as(String username) {
        return new As(username);
    }

    static Response get(String url) {
        return as(DemoUsers.COORDINATOR).get(url);
    }

    static Response post(String url, Object json) {
        return as(DemoUsers.COORDINATOR).post(url, json);
    }

    static Response put(String url, Object json) {
        return as(DemoUsers.COORDINATOR).put(url, json);
    }

    static Response upload(String url, String item, String filename, String contentType, byte[] content) {
        return as(DemoUsers.COORDINATOR).upload(url, item, filename, contentType, content);
    }

    /** Requests that carry one header and no token: a signed link (a guest specialist's, an upload link). */
    record WithHeader(String name, String value) {
        Response get(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).header(name, value).GET());
        }

        Response post(String url, Object json) {
            try {
                String body = json instanceof String s ? s : JSON.writeValueAsString(json);
                return send(HttpRequest.newBuilder(URI.create(url)).header(name, value)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static WithHeader withHeader(String name, String value) {
        return new WithHeader(name, value);
    }

    /** Without any token: what the open endpoints (health, the mail catcher) need, and what a stranger sends. */
    static Response anonymousGet(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private static HttpRequest.Builder multipart(String url, String item, String filename, String contentType,
                                                 byte[] content) {
        String boundary = "consilium-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"item\"\r\n\r\n" + item + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = raw == null || raw.isBlank() || !(raw.startsWith("{") || raw.startsWith("["))
                    ? JSON.missingNode() : JSON.readTree(raw);
            return new Response(response.statusCode(), body, raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
