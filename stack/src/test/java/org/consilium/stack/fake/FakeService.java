package org.consilium.stack.fake;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a service jar: answers the readiness probe and shows the environment it was given.
 * JDK classes only, so it runs from a jar holding just this class.
 */
public final class FakeService {

    private static final List<String> SHOWN = List.of("SERVER_PORT", "KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI",
            "SMTP_HOST", "SMTP_PORT", "ENGINE_DB_URL");

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/actuator/health/readiness", exchange -> respond(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/env", exchange -> respond(exchange, SHOWN.stream()
                .map(name -> name + "=" + System.getenv(name))
                .collect(Collectors.joining("\n"))));
        server.start();
        System.out.println("fake service listening on " + port);
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
