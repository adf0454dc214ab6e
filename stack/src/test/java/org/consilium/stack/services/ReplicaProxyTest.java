package org.consilium.stack.services;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The port of a replicated service (issue 17), with real sockets: two HTTP servers stand for two replicas, and every
 * request is a connection of its own through the proxy, as a client without keep-alive makes them.
 */
class ReplicaProxyTest {
    private final List<HttpServer> replicas = new ArrayList<>();
    private ReplicaProxy proxy;

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        replicas.forEach(server -> server.stop(0));
    }

    @Test
    void connectionsTakeTurnsAmongTheReplicas() throws IOException {
        start("one", "two");

        Map<String, Long> answeredBy = IntStream.range(0, 10).mapToObj(i -> get("/"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(answeredBy).containsOnly(Map.entry("one", 5L), Map.entry("two", 5L));
    }

    @Test
    void aReplicaThatIsDownIsPassedOverAndTheOtherAnswersEveryRequest() throws IOException {
        start("one", "two");
        replicas.get(0).stop(0); // killed: its port refuses connections

        assertThat(IntStream.range(0, 10).mapToObj(i -> get("/"))).containsOnly("two");
    }

    @Test
    void withEveryReplicaDownTheClientsConnectionIsClosedWithoutAnAnswer() throws IOException {
        start("one", "two");
        replicas.forEach(server -> server.stop(0));

        assertThat(get("/")).isEmpty();
    }

    @Test
    void aLargeUploadAndItsAnswerPassWhole() throws IOException {
        start("one", "two");
        byte[] body = new byte[3 * 1024 * 1024];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 31);
        }

        String answer = post("/count", body);

        assertThat(answer).endsWith(":" + body.length + ":" + java.util.Arrays.hashCode(body));
    }

    private void start(String... names) throws IOException {
        for (String name : names) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.createContext("/", exchange -> {
                byte[] received = exchange.getRequestBody().readAllBytes();
                byte[] answer = (exchange.getRequestURI().getPath().equals("/count")
                        ? name + ":" + received.length + ":" + java.util.Arrays.hashCode(received) : name)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            replicas.add(server);
        }
        proxy = ReplicaProxy.start("test-service", 0, replicas.stream().map(s -> s.getAddress().getPort()).toList());
    }

    private String get(String path) {
        return exchange("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", new byte[0]);
    }

    private String post(String path, byte[] body) {
        return exchange("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: "
                + body.length + "\r\n\r\n", body);
    }

    /** The answer's body ("" when the connection closed without one). */
    private String exchange(String head, byte[] body) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String answer = all.toString(StandardCharsets.UTF_8);
            int bodyStart = answer.indexOf("\r\n\r\n");
            return bodyStart < 0 ? "" : answer.substring(bodyStart + 4);
        } catch (IOException cut) {
            return "";
        }
    }
}
