package org.consilium.notification;

import org.consilium.events.Envelope;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.SendNotification;
import org.consilium.notification.delivery.DeliveryState;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.consilium.support.testing.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every delivered notification lands once in its recipient's inbox; newest first, with an unread count. */
class InboxTest extends ServiceTest {
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void deliveredNotificationsLandOnceNewestFirstAndCanBeMarkedRead() {
        String caseId = newCaseId();
        String user = caseId + "@example.org";
        Envelope first = publish(notification(caseId, NotificationPurpose.RECORDS_REMINDER));
        Envelope second = publish(notification(caseId, NotificationPurpose.MDT_SCHEDULED));
        publish(first); // redelivered
        Envelope third = publish(notification(caseId, NotificationPurpose.CASE_WITHDRAWN));
        awaitState(third.id(), DeliveryState.SENT);
        WebTestClient http = as(user);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.get().uri("/inbox/{user}", user).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.messages.length()").isEqualTo(3));
        http.get().uri("/inbox/{user}", user.toUpperCase()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.unread").isEqualTo(3)
                .jsonPath("$.messages[*].id").isEqualTo(List.of(third.id(), second.id(), first.id()))
                .jsonPath("$.messages[0].subject").isNotEmpty()
                .jsonPath("$.messages[0].text").value(text -> org.assertj.core.api.Assertions.assertThat((String) text)
                        .contains(caseId));

        http.post().uri("/inbox/{user}/{id}/read", user, second.id()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.readAt").isNotEmpty();
        String readAt = http.post().uri("/inbox/{user}/{id}/read", user, second.id()).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("readAt").toString();
        http.get().uri("/inbox/{user}", user).exchange().expectBody()
                .jsonPath("$.unread").isEqualTo(2)
                .jsonPath("$.messages[1].readAt").isEqualTo(readAt);

        // another user's inbox, even with that user's message id: refused, whoever asks but its owner
        as("someone-else@example.org").get().uri("/inbox/{user}", user).exchange()
                .expectStatus().isForbidden().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:not-your-inbox");
        as("someone-else@example.org").post().uri("/inbox/{user}/{id}/read", user, second.id()).exchange()
                .expectStatus().isForbidden();
        this.http.get().uri("/inbox/{user}", user).exchange().expectStatus().isForbidden(); // not even an operator
        as("someone-else@example.org").post().uri("/inbox/{user}/{id}/read", "someone-else@example.org", second.id())
                .exchange().expectStatus().isNotFound().expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/inbox/{user}/{id}/read", user, "no-such-message").exchange().expectStatus().isNotFound();
    }

    /**
     * The delivered event ends a stage (the report's ends the case): whoever looks on that event must find the mail
     * in the inbox already, not a moment later when the inbox feed (the safety net, every 200 ms here) comes round.
     * So the save that records SENT, and carries that event, is the one that records it inboxed: the document is
     * read within milliseconds of that save, long before the feed's next round would flag it in a save of its own.
     * (Its version says nothing here: the outbox relay's removal of the sent event bumps it too, at once.)
     */
    @Test
    void theMailIsInTheInboxBeforeItsDeliveryIsAnnounced() {
        String caseId = newCaseId();
        String user = caseId + "@example.org";
        Envelope sent = publish(notification(caseId, NotificationPurpose.CASE_WITHDRAWN));

        Document stored = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> mongo.findById(sent.id(), Document.class, "deliveries").block(),
                        d -> d != null && DeliveryState.SENT.name().equals(d.getString("state")));

        assertThat(stored.getBoolean("inboxed", false)).as("inboxed in the save that records SENT").isTrue();
        as(user).get().uri("/inbox/{user}", user).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.messages[0].id").isEqualTo(sent.id());
    }

    @Test
    void anEmptyInboxIsEmptyNotMissing() {
        as("nobody@example.org").get().uri("/inbox/{user}", "nobody@example.org").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.unread").isEqualTo(0).jsonPath("$.messages.length()").isEqualTo(0);
    }

    /** A client carrying the token of the patient with this e-mail address. */
    private WebTestClient as(String email) {
        return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(email, email, "patient")).build();
    }

    private static Envelope notification(String caseId, NotificationPurpose purpose) {
        return command(new SendNotification(caseId, recipient(caseId, "en"), purpose, Map.of("reason", "moved abroad")));
    }
}
