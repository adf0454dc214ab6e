package org.consilium.notification;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import org.consilium.events.CaseMessage;
import org.consilium.events.Envelope;
import org.consilium.events.Recipient;
import org.consilium.notification.delivery.Delivery;
import org.consilium.notification.delivery.DeliveryRepository;
import org.consilium.notification.delivery.DeliveryState;
import org.consilium.support.testing.EmbeddedInfrastructure;
import org.consilium.support.testing.KafkaProbe;
import org.consilium.support.testing.TestTokens;
import org.springframework.http.HttpHeaders;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * One Spring context for every service test: embedded Kafka and mongo-java-server from the
 * service-support fixtures, and a real SMTP server. Retries are shortened (4 attempts over ~2.8 s)
 * so outage tests stay quick while still exercising the binder's retry and dead-letter path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.bindings.notificationCommands-in-0.consumer.max-attempts=4",
        "spring.cloud.stream.bindings.notificationCommands-in-0.consumer.back-off-initial-interval=400",
        "spring.cloud.stream.bindings.notificationCommands-in-0.consumer.back-off-max-interval=1600",
        "consilium.notification.state-count-interval=300ms",
        // Quiet hours from 23:00:00 to 23:00:06 in the recipient's zone: QuietHoursDeliveryTest picks a zone
        // where it is 23:00:01 now; any other test is deferred (by at most 6 s) only if it runs in that window.
        "consilium.notification.quiet-hours.enabled=true",
        "consilium.notification.quiet-hours.start=23:00:00",
        "consilium.notification.quiet-hours.end=23:00:06",
        "consilium.notification.quiet-hours.poll-interval=300ms",
        // Webhook retries in fractions of a second: 4 attempts, 300 ms doubling (WebhookTest times the gaps).
        "consilium.notification.webhooks.poll-interval=100ms",
        "consilium.notification.webhooks.max-attempts=4",
        "consilium.notification.webhooks.initial-backoff=300ms",
        "consilium.notification.webhooks.max-backoff=2s",
        "consilium.notification.webhooks.timeout=2s",
        "consilium.notification.inbox.poll-interval=200ms",
        "consilium.notification.bounces.imap.enabled=true",
        "consilium.notification.bounces.imap.protocol=imap",
        "consilium.notification.bounces.imap.host=127.0.0.1",
        "consilium.notification.bounces.imap.username=bounces",
        "consilium.notification.bounces.imap.password=secret",
        "consilium.notification.bounces.imap.poll-interval=300ms"})
@AutoConfigureObservability(tracing = false)
abstract class ServiceTest {
    static final int SMTP_PORT = Smtp.freePort();
    static final String BOUNCES = "bounces@consilium.local";

    static final int IMAP_PORT = Smtp.freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = Smtp.server(SMTP_PORT);

    /** The mailbox bounces are returned to, read by BounceMailbox over IMAP. */
    @RegisterExtension
    static final GreenMailExtension bounceMailbox = new GreenMailExtension(
            new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(BOUNCES, "bounces", "secret"));

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.register(registry, "consilium-notification");
        TestTokens.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("consilium.notification.bounces.imap.port", () -> IMAP_PORT);
    }

    /** As an operator who is also a coordinator: every endpoint but an inbox (NotificationAccessTest has the rules). */
    static final String STAFF = TestTokens.bearer("kim.ops", "kim@consilium.example", "ops", "coordinator");

    WebTestClient http;

    @Autowired
    void client(WebTestClient client) {
        http = client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, STAFF).build();
    }
    @Autowired
    DeliveryRepository deliveries;
    @Autowired
    MeterRegistry meters;

    static String newCaseId() {
        return "case-" + UUID.randomUUID();
    }

    static Recipient recipient(String caseId, String language) {
        return new Recipient("Siti Rahman", caseId + "@example.org", language);
    }

    static Envelope command(CaseMessage payload) {
        return Envelope.of(payload, UUID.randomUUID().toString(), "/consilium/bpmn", Instant.now());
    }

    static Envelope publish(Envelope command) {
        return KafkaProbe.publish(command);
    }

    Delivery awaitState(String commandId, DeliveryState state, Duration atMost) {
        return await().atMost(atMost).pollInterval(Duration.ofMillis(50))
                .until(() -> deliveries.findById(commandId).blockOptional(), d -> d.isPresent() && d.get().state() == state)
                .orElseThrow();
    }

    Delivery awaitState(String commandId, DeliveryState state) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> deliveries.findById(commandId).blockOptional(), d -> d.isPresent() && d.get().state() == state)
                .orElseThrow();
    }

    double count(String meter, String purpose) {
        return meters.get(meter).tag("purpose", purpose).counter().count();
    }
}
