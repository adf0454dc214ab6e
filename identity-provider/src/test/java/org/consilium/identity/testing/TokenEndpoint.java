package org.consilium.identity.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Form posts and the few JSON fields a test needs, with the JDK only, so any test module can use these helpers. */
final class TokenEndpoint {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private TokenEndpoint() {
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static HttpRequest.Builder post(URI uri, Map<String, String> fields) {
        return HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
    }

    /** The token endpoint's answer; anything but 200 is a refusal worth the whole body in the message. */
    static TokenResponse exchange(HttpClient http, HttpRequest request) {
        HttpResponse<String> response = send(http, request);
        if (response.statusCode() != 200) {
            throw new LoginRefused("Token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return new TokenResponse(field(response.body(), "access_token"), field(response.body(), "id_token"),
                field(response.body(), "token_type"));
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request.uri(), e);
        }
    }

    /** A string field of a flat JSON object; token values never contain quotes or escapes. Null when absent. */
    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }
}
