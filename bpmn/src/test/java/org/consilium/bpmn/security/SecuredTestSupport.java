package org.consilium.bpmn.security;

import org.consilium.bpmn.support.ProcessTestSupport;
import org.consilium.bpmn.support.TestIdentity;
import org.consilium.events.Topics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One context for the security tests (same annotations everywhere, so it is cached): the whole application on
 * a real port with {@code consilium.security.enabled=true}, trusting {@link TestIdentity}. A real server, not
 * MockMvc: the engine REST API and the webapps are Jersey servlets and Camunda filters that MockMvc never
 * reaches. Its own in-memory database, so its engine and inbox never touch the process tests' one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "consilium.security.enabled=true",
        "consilium.security.webapp-client.secret=" + TestIdentity.CLIENT_SECRET,
        "spring.datasource.url=jdbc:h2:mem:bpmn-security;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
@EmbeddedKafka(kraft = true, partitions = 3, brokerProperties = "group.initial.rebalance.delay.ms=0", topics = {
        Topics.CASE_EVENTS, Topics.RECORDS_COMMANDS, Topics.RECORDS_EVENTS, Topics.MDT_COMMANDS, Topics.MDT_EVENTS,
        Topics.NOTIFICATION_COMMANDS, Topics.NOTIFICATION_EVENTS, ProcessTestSupport.CASE_EVENTS_DLT,
        ProcessTestSupport.RECORDS_EVENTS_DLT, ProcessTestSupport.MDT_EVENTS_DLT,
        ProcessTestSupport.NOTIFICATION_EVENTS_DLT})
abstract class SecuredTestSupport {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIdentity::issuer);
    }

    /** A client that follows no redirects (the tests look at them) and keeps no cookies. */
    static HttpClient client() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).build();
    }

    /** A browser: keeps its session cookie, follows no redirects. */
    static HttpClient browser() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager())
                .connectTimeout(TIMEOUT).build();
    }

    URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String method, String path, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url(path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        boolean hasBody = method.equals("POST") || method.equals("PUT");
        if (hasBody) {
            builder.header("Content-Type", "application/json");
        }
        return builder.method(method, hasBody ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
    }
}
