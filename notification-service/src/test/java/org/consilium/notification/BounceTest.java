package org.consilium.notification;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Flags;
import org.consilium.events.Envelope;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.SendNotification;
import org.consilium.notification.bounce.Dsn;
import org.consilium.notification.delivery.Delivery;
import org.consilium.notification.delivery.DeliveryPurpose;
import org.consilium.notification.delivery.DeliveryState;
import org.consilium.notification.mail.RenderedMail;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A permanent bounce, reported over HTTP or found in the bounce mailbox, turns a sent email BOUNCED, once. */
class BounceTest extends ServiceTest {

    @Test
    void aReportedBounceMarksTheSentEmailBouncedOnce() throws Exception {
        String caseId = newCaseId();
        Envelope command = publish(command(new SendNotification(caseId, recipient(caseId, "en"),
                NotificationPurpose.CASE_DECLINED, Map.of())));
        awaitState(command.id(), DeliveryState.SENT);
        String messageId = Smtp.awaitOneMailTo(smtp, caseId + "@example.org").getMessageID();
        double before = count("consilium.notification.deliveries.bounced", "CASE_DECLINED");
        Map<String, String> bounce = Map.of("messageId", messageId.substring(1, messageId.length() - 1),
                "status", "5.1.1", "reason", "550 5.1.1 mailbox unknown");

        for (int report = 0; report < 2; report++) { // DSNs come twice: the second changes nothing
            http.post().uri("/deliveries/bounces").contentType(MediaType.APPLICATION_JSON).bodyValue(bounce)
                    .exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.id").isEqualTo(command.id())
                    .jsonPath("$.state").isEqualTo("BOUNCED")
                    .jsonPath("$.bouncedAt").isNotEmpty()
                    .jsonPath("$.lastError").isEqualTo("bounced (5.1.1): 550 5.1.1 mailbox unknown");
        }
        assertThat(count("consilium.notification.deliveries.bounced", "CASE_DECLINED")).isEqualTo(before + 1);
        http.get().uri("/deliveries?caseId={c}&state=BOUNCED", caseId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[*].id").isEqualTo(List.of(command.id()));
    }

    @Test
    void aDsnInTheBounceMailboxMarksTheEmailBounced() throws Exception {
        String caseId = newCaseId();
        Envelope bounced = publish(command(new SendNotification(caseId, recipient(caseId, "en"),
                NotificationPurpose.CASE_DECLINED, Map.of())));
        Envelope delayed = publish(command(new SendNotification(caseId, recipient(caseId, "en"),
                NotificationPurpose.RECORDS_REMINDER, Map.of())));
        Delivery sent = awaitState(bounced.id(), DeliveryState.SENT);
        awaitState(delayed.id(), DeliveryState.SENT);

        GreenMailUser mailbox = bounceMailbox.getUserManager().getUserByEmail(BOUNCES);
        mailbox.deliver(Dsn.of("<" + delayed.id() + "@consilium.local>", "delayed", "4.4.1", false));
        mailbox.deliver(Dsn.of(sent.messageId(), "failed", "5.1.1", false));

        assertThat(awaitState(bounced.id(), DeliveryState.BOUNCED).lastError())
                .hasValueSatisfying(e -> assertThat(e).startsWith("bounced (5.1.1): smtp; 550 5.1.1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> bounceMailbox.getManagers().getImapHostManager()
                .getInbox(mailbox).getMessages().stream().allMatch(m -> m.getFlags().contains(Flags.Flag.SEEN)));
        assertThat(deliveries.findById(delayed.id()).block().state()).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void badOrUnknownBouncesAreRefused() {
        http.post().uri("/deliveries/bounces").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("messageId", "<x@consilium.local>", "status", "4.2.2", "reason", "mailbox full, retrying"))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("status"));
        http.post().uri("/deliveries/bounces").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("messageId", "<nobody-sent-this@consilium.local>", "reason", "550 unknown"))
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        String caseId = newCaseId();
        Envelope command = command(new SendNotification(caseId, recipient(caseId, "en"), NotificationPurpose.CASE_DECLINED, Map.of()));
        Delivery sending = deliveries.insert(Delivery.claim(command, DeliveryPurpose.CASE_DECLINED, recipient(caseId, "en"),
                "<" + command.id() + "@consilium.local>", new RenderedMail("en", "s", "", ""), Instant.now())).block();
        http.post().uri("/deliveries/bounces").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("messageId", sending.messageId(), "reason", "550 unknown"))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:consilium:problem:delivery-not-sent");
        assertThat(deliveries.findById(command.id()).block().state()).isEqualTo(DeliveryState.SENDING);
    }
}
