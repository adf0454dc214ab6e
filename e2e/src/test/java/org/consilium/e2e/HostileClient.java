package org.consilium.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends a {@link HostileRequest} as it is: any method, any content type, any bytes. HTTP/1.1 only, so
 * that no h2c upgrade changes what the server reads. No {@code Expect: 100-continue}: JDK 17's client
 * waits forever for a 100 that a refusal before reading never sends; it reads the answer while the body is
 * still going out, which is what lets it hear a refusal part-way through a huge body. A connection closed without an answer is an
 * outcome of its own (status 0), never an exception: the suite reports it like a 5xx.
 */
final class HostileClient {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** What came back; {@code status} 0 when nothing did. */
    record Outcome(int status, String contentType, String body) {
        String statusClass() {
            return status == 0 ? "no answer" : status / 100 + "xx";
        }
    }

    private HostileClient() {
    }

    static Outcome send(int port, HostileRequest request, Caller caller) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(RunningStack.url(port, request.pathAndQuery())))
                .timeout(Duration.ofSeconds(60))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        if (caller.authorization() != null) {
            builder.header("Authorization", caller.authorization());
        }
        try {
            HttpResponse<byte[]> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            String body = new String(response.body(), StandardCharsets.UTF_8);
            return new Outcome(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    body.length() > 400 ? body.substring(0, 400) + "..." : body);
        } catch (IOException e) {
            return new Outcome(0, "", String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
