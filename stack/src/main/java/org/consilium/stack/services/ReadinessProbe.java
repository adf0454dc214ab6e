package org.consilium.stack.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a service's actuator whether it is ready: the readiness group if it has one, else plain health. */
final class ReadinessProbe {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    boolean isReady(int port) {
        Response readiness = get(port, "/actuator/health/readiness");
        Response answer = readiness.status() == 404 ? get(port, "/actuator/health") : readiness;
        return answer.status() == 200 && answer.body().contains("\"UP\"");
    }

    private Response get(int port, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException notListeningYet) {
            return Response.NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.NONE;
        }
    }

    private record Response(int status, String body) {
        static final Response NONE = new Response(-1, "");
    }
}
