package org.consilium.notification;

import com.fasterxml.jackson.databind.JsonNode;
import org.consilium.events.Envelope;
import org.consilium.events.Json;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.SendNotification;
import org.consilium.notification.delivery.DeliveryPurpose;
import org.consilium.notification.delivery.DeliveryState;
import org.consilium.notification.webhook.WebhookDelivery;
import org.consilium.notification.webhook.WebhookDeliveryRepository;
import org.consilium.notification.webhook.WebhookEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Signed webhooks against a real local HTTP server: signature, retries with back-off, final outcomes, restarts. */
class WebhookTest extends ServiceTest {
    static final String SECRET = "s3cret-for-tests-only-0123456789";

    @Autowired
    WebhookDeliveryRepository webhookDeliveries;

    private final List<String> subscriptions = new ArrayList<>();
    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @AfterEach
    void unsubscribe() {
        // Subscriptions are global: leave none behind to post other tests' notifications.
        subscriptions.forEach(id -> http.delete().uri("/webhooks/{id}", id).exchange());
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void aNotificationIsPostedSignedAndRetriedWithBackOffUntilTheSubscriberTakesIt() throws Exception {
        WebhookReceiver receiver = receiver(503, 429);
        subscribe(receiver.url());
        double retriesBefore = meters.get("consilium.notification.webhook.attempts").tag("result", "retry").counter().count();
        String caseId = newCaseId();
        Envelope command = publish(command(new SendNotification(caseId, recipient(caseId, "en"),
                NotificationPurpose.CASE_WITHDRAWN, Map.of("reason", "moved abroad"))));

        JsonNode delivery = awaitWebhook(caseId, "DELIVERED");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.get("lastStatus").asInt()).isEqualTo(200);
        assertThat(delivery.get("commandId").asText()).isEqualTo(command.id());

        List<WebhookReceiver.Received> posts = receiver.receivedFor(caseId);
        assertThat(posts).hasSize(3).allMatch(WebhookReceiver.Received::signatureValid)
                .extracting(WebhookReceiver.Received::id).containsOnly(delivery.get("id").asText());
        assertThat(posts).extracting(WebhookReceiver.Received::attempt).containsExactly("1", "2", "3");
        assertThat(posts).extracting(WebhookReceiver.Received::body).containsOnly(posts.get(0).body());
        // exponential back-off: 300 ms after the first failure, 600 ms after the second
        assertThat(Duration.between(posts.get(0).at(), posts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(Duration.between(posts.get(1).at(), posts.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(550));

        JsonNode body = Json.MAPPER.readTree(posts.get(0).body());
        assertThat(body.get("id").asText()).isEqualTo(delivery.get("id").asText());
        assertThat(body.get("type").asText()).isEqualTo("org.consilium.notification.Notification.v1");
        assertThat(body.get("purpose").asText()).isEqualTo("CASE_WITHDRAWN");
        assertThat(body.get("parameters").get("reason").asText()).isEqualTo("moved abroad");
        assertThat(posts.get(0).body()).doesNotContain(caseId + "@example.org"); // no recipient data to third parties
        assertThat(meters.get("consilium.notification.webhook.attempts").tag("result", "retry").counter().count())
                .isGreaterThanOrEqualTo(retriesBefore + 2);
    }

    @Test
    void aSubscriberRefusingTheEventIsNotAskedAgain() {
        WebhookReceiver receiver = receiver(400);
        subscribe(receiver.url());
        double failuresBefore = meters.get("consilium.notification.webhook.failures").counter().count();
        String caseId = newCaseId();
        publish(command(new SendNotification(caseId, recipient(caseId, "en"), NotificationPurpose.CASE_DECLINED, Map.of())));

        JsonNode failed = awaitWebhook(caseId, "FAILED");
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        assertThat(failed.get("lastError").asText()).isEqualTo("HTTP 400");
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() -> receiver.receivedFor(caseId).size() == 1);
        assertThat(meters.get("consilium.notification.webhook.failures").counter().count()).isEqualTo(failuresBefore + 1);
    }

    @Test
    void anUnreachableSubscriberIsRetriedUpToTheLimitThenFailed() {
        subscribe("http://127.0.0.1:" + Smtp.freePort() + "/nobody-listens");
        String caseId = newCaseId();
        publish(command(new SendNotification(caseId, recipient(caseId, "en"), NotificationPurpose.CASE_DECLINED, Map.of())));

        JsonNode failed = awaitWebhook(caseId, "FAILED");
        assertThat(failed.get("attempts").asInt()).isEqualTo(4);
        assertThat(failed.has("lastStatus") && !failed.get("lastStatus").isNull()).isFalse();
        assertThat(failed.get("lastError").asText()).containsIgnoringCase("connect");
    }

    @Test
    void aRedeliveredCommandIsPostedOnce() {
        WebhookReceiver receiver = receiver();
        subscribe(receiver.url());
        String caseId = newCaseId();
        Envelope command = command(new SendNotification(caseId, recipient(caseId, "en"), NotificationPurpose.CASE_WITHDRAWN, Map.of()));
        publish(command);
        publish(command);
        Envelope marker = publish(command(new SendNotification(caseId, recipient(caseId, "en"),
                NotificationPurpose.MDT_SCHEDULED, Map.of())));
        awaitState(marker.id(), DeliveryState.SENT);

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.receivedFor(caseId).size() >= 2);
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> receiver.receivedFor(caseId).size() == 2);
        assertThat(receiver.receivedFor(caseId)).extracting(WebhookReceiver.Received::body)
                .anyMatch(b -> b.contains(command.id())).anyMatch(b -> b.contains(marker.id()));
    }

    @Test
    void aDeliveryRecordedBeforeARestartIsPostedByTheJob() {
        WebhookReceiver receiver = receiver();
        String subscription = subscribe(receiver.url());
        String caseId = newCaseId();
        // What the consumer stored before the process stopped: the record, no attempt yet.
        webhookDeliveries.insert(WebhookDelivery.create(subscription, receiver.url(),
                new WebhookEvent("cmd-" + caseId, caseId, DeliveryPurpose.RECORDS_REMINDER, Map.of(), Instant.now()),
                Instant.now())).block();

        assertThat(awaitWebhook(caseId, "DELIVERED").get("attempts").asInt()).isEqualTo(1);
        assertThat(receiver.receivedFor(caseId)).singleElement().matches(WebhookReceiver.Received::signatureValid);
    }

    @Test
    void postsStillPendingWhenTheSubscriptionIsDeletedAreCancelled() {
        String subscription = subscribe("http://127.0.0.1:" + Smtp.freePort() + "/gone-soon");
        String caseId = newCaseId();
        publish(command(new SendNotification(caseId, recipient(caseId, "en"), NotificationPurpose.CASE_DECLINED, Map.of())));
        await().atMost(Duration.ofSeconds(20)).until(() -> webhookDeliveries.findAll()
                .any(d -> d.caseId().equals(caseId) && d.attempts() >= 1).block());

        http.delete().uri("/webhooks/{id}", subscription).exchange().expectStatus().isNoContent();
        JsonNode cancelled = awaitWebhook(caseId, "CANCELLED");
        assertThat(cancelled.get("attempts").asInt()).isLessThan(4);
    }

    @Test
    void registrationRejectsBadInputStoresNothingAndNeverShowsTheSecret() {
        http.post().uri("/webhooks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", "ftp://files.example.org/in", "secret", "short"))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:validation")
                .jsonPath("$.errors[*].field").isEqualTo(List.of("secret", "url"));
        http.post().uri("/webhooks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", "https://x.example.org/a b", "secret", SECRET))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/webhooks").exchange().expectStatus().isOk()
                .expectBody(String.class).value(list -> assertThat(list).doesNotContain("ftp://", "x.example.org"));

        String id = subscribe("https://hospital.example.org/consilium/events");
        for (String path : List.of("/webhooks", "/webhooks/" + id)) {
            http.get().uri(path).exchange().expectStatus().isOk()
                    .expectBody(String.class).value(json -> assertThat(json).contains(id).doesNotContain(SECRET));
        }
        http.delete().uri("/webhooks/{id}", id).exchange().expectStatus().isNoContent();
        http.get().uri("/webhooks/{id}", id).exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.delete().uri("/webhooks/{id}", id).exchange().expectStatus().isNotFound();
        http.get().uri("/webhook-deliveries").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:filter-required");
    }

    private WebhookReceiver receiver(Integer... firstStatuses) {
        WebhookReceiver receiver = new WebhookReceiver(SECRET, firstStatuses);
        receivers.add(receiver);
        return receiver;
    }

    private String subscribe(String url) {
        String response = http.post().uri("/webhooks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", url, "secret", SECRET, "description", "test subscriber"))
                .exchange().expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(response).doesNotContain(SECRET);
        String id = Json.read(response.getBytes(StandardCharsets.UTF_8), Map.class).get("id").toString();
        subscriptions.add(id);
        return id;
    }

    private JsonNode awaitWebhook(String caseId, String state) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    byte[] json = http.get().uri("/webhook-deliveries?caseId={caseId}", caseId).exchange()
                            .expectStatus().isOk().expectBody().returnResult().getResponseBody();
                    JsonNode list = Json.MAPPER.readTree(json);
                    return list.size() == 1 && state.equals(list.get(0).get("state").asText()) ? list.get(0) : null;
                }, node -> node != null);
    }
}
