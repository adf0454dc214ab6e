package org.consilium.notification;

import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.events.NotificationDelivered;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.SendNotification;
import org.consilium.notification.delivery.Delivery;
import org.consilium.notification.delivery.DeliveryPurpose;
import org.consilium.notification.delivery.DeliveryState;
import org.consilium.notification.delivery.ResolutionOutcome;
import org.consilium.notification.mail.RenderedMail;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Operators find UNCONFIRMED emails by state and resolve them: confirmed (no email) or re-sent once, with a reason. */
class OperatorResolutionTest extends ServiceTest {

    @Test
    void unconfirmedDeliveriesAreListedByState() {
        String caseId = newCaseId();
        Envelope command = unconfirmed(caseId);

        http.get().uri("/deliveries?state=UNCONFIRMED").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + command.id() + "')].attempts").isEqualTo(List.of(1));
        http.get().uri("/deliveries?caseId={c}&state=SENT", caseId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
        http.get().uri("/deliveries?caseId={c}", caseId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].state").isEqualTo("UNCONFIRMED");
        http.get().uri("/deliveries?state=LOST").exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/deliveries").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:filter-required");
    }

    @Test
    void confirmingItArrivedRecordsSentAndTellsTheProcessWithoutSendingAgain() {
        String caseId = newCaseId();
        Envelope command = unconfirmed(caseId);

        // who resolved is the token's user: a body naming another operator is refused, and nothing changes
        http.post().uri("/deliveries/{id}/resolution", command.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("outcome", "DELIVERED", "reason", "SMTP log shows 250 OK for the Message-ID",
                        "resolvedBy", "ops-anna"))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:not-yourself");
        assertThat(deliveries.findById(command.id()).block().state().name()).isEqualTo("UNCONFIRMED");
        http.post().uri("/deliveries/{id}/resolution", command.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("outcome", "DELIVERED", "reason", "SMTP log shows 250 OK for the Message-ID",
                        "resolvedBy", "kim.ops"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("SENT")
                .jsonPath("$.resolutions[0].outcome").isEqualTo("DELIVERED")
                .jsonPath("$.resolutions[0].resolvedBy").isEqualTo("kim.ops");

        assertThat(KafkaProbe.awaitPublished(MessageType.NOTIFICATION_DELIVERED, caseId, NotificationDelivered.class).commandId())
                .isEqualTo(command.id());
        assertThat(Smtp.mailsTo(smtp, caseId + "@example.org")).isEmpty();
        assertThat(deliveries.findById(command.id()).block().attempts()).isEqualTo(1);
    }

    @Test
    void resendingSendsOneMoreEmailThroughTheClaimAndCannotBeDoneTwice() throws Exception {
        String caseId = newCaseId();
        Envelope command = unconfirmed(caseId);

        http.post().uri("/deliveries/{id}/resolution", command.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("outcome", "RESEND", "reason", "the patient says nothing arrived"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.resolutions[0].reason").isEqualTo("the patient says nothing arrived");
        // A second operator acting on the stale list: refused, nothing sent twice.
        http.post().uri("/deliveries/{id}/resolution", command.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("outcome", "RESEND", "reason", "me too"))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:delivery-not-unconfirmed");

        Delivery sent = awaitState(command.id(), DeliveryState.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.resolutions()).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(ResolutionOutcome.RESEND));
        assertThat(Smtp.awaitOneMailTo(smtp, caseId + "@example.org").getMessageID()).isEqualTo("<" + command.id() + "@consilium.local>");
        KafkaProbe.awaitPublished(MessageType.NOTIFICATION_DELIVERED, caseId, NotificationDelivered.class);
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3))
                .until(() -> Smtp.mailsTo(smtp, caseId + "@example.org").size() == 1);
    }

    @Test
    void badResolutionsAreRefusedWithAProblemAndChangeNothing() {
        String caseId = newCaseId();
        Envelope command = unconfirmed(caseId);

        http.post().uri("/deliveries/{id}/resolution", command.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of()).exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("outcome", "reason"));
        http.post().uri("/deliveries/{id}/resolution", command.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("outcome", "MAYBE", "reason", "unsure")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:unreadable-request");
        http.post().uri("/deliveries/{id}/resolution", "no-such-delivery").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("outcome", "DELIVERED", "reason", "checked")).exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        Delivery unchanged = deliveries.findById(command.id()).block();
        assertThat(unchanged.state()).isEqualTo(DeliveryState.UNCONFIRMED);
        assertThat(unchanged.resolutions()).isEmpty();
    }

    @Test
    void aSentDeliveryCannotBeResolved() {
        String caseId = newCaseId();
        Envelope command = publish(command(new SendNotification(caseId, recipient(caseId, "en"),
                NotificationPurpose.CASE_DECLINED, Map.of())));
        awaitState(command.id(), DeliveryState.SENT);

        http.post().uri("/deliveries/{id}/resolution", command.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("outcome", "RESEND", "reason", "wrong button")).exchange().expectStatus().isEqualTo(409);
        assertThat(Smtp.mailsTo(smtp, caseId + "@example.org")).hasSize(1);
    }

    /** A command whose sender died mid-send, redelivered: UNCONFIRMED, as in ExactlyOnceTest. */
    private Envelope unconfirmed(String caseId) {
        Envelope command = command(new SendNotification(caseId, recipient(caseId, "en"), NotificationPurpose.CASE_WITHDRAWN,
                Map.of("reason", "moved abroad")));
        deliveries.insert(Delivery.claim(command, DeliveryPurpose.CASE_WITHDRAWN, recipient(caseId, "en"),
                "<" + command.id() + "@consilium.local>", new RenderedMail("en", "Your case has been withdrawn", "", ""),
                Instant.now().minusSeconds(60))).block();
        publish(command);
        awaitState(command.id(), DeliveryState.UNCONFIRMED);
        return command;
    }
}
