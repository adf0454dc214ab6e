package org.consilium.notification;

import jakarta.mail.internet.MimeMessage;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.SendNotification;
import org.consilium.notification.delivery.Delivery;
import org.consilium.notification.delivery.DeliveryState;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Quiet hours (23:00:00–23:00:06 in this test context): deferred, then sent by the job, still exactly once. */
class QuietHoursDeliveryTest extends ServiceTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    /** A fixed-offset zone where the local time is now 23:00:01, i.e. inside the quiet hours. */
    static String zoneInQuietHours() {
        long utcSecondOfDay = Instant.now().atZone(ZoneOffset.UTC).toLocalTime().toSecondOfDay();
        long offset = Math.floorMod(23 * 3600 + 1 - utcSecondOfDay, 86_400);
        if (offset > 43_200) {
            offset -= 86_400;
        }
        return ZoneOffset.ofTotalSeconds((int) offset).getId();
    }

    @Test
    void aNonUrgentNotificationInTheQuietHoursIsDeferredThenSentOnceWhenTheyEnd() throws Exception {
        String caseId = newCaseId();
        Envelope command = command(new SendNotification(caseId, recipient(caseId, "en"), NotificationPurpose.CASE_WITHDRAWN,
                Map.of("reason", "moved abroad", "timeZone", zoneInQuietHours())))
                .withTraceparent("00-" + TRACE_ID + "-b7ad6b7169203331-01");
        publish(command);

        Delivery deferred = awaitState(command.id(), DeliveryState.DEFERRED, Duration.ofSeconds(5));
        assertThat(deferred.notBefore()).get().satisfies(notBefore ->
                assertThat(notBefore).isBetween(Instant.now(), Instant.now().plusSeconds(7)));
        assertThat(deferred.attempts()).isZero();
        assertThat(Smtp.mailsTo(smtp, caseId + "@example.org")).isEmpty();
        http.get().uri("/deliveries/{id}", command.id()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("DEFERRED").jsonPath("$.notBefore").isNotEmpty();
        publish(command); // a redelivery while deferred changes nothing

        Delivery sent = awaitState(command.id(), DeliveryState.SENT, Duration.ofSeconds(20));
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.sentAt()).get().satisfies(at -> assertThat(at).isAfterOrEqualTo(deferred.notBefore().orElseThrow()));
        MimeMessage mail = Smtp.awaitOneMailTo(smtp, caseId + "@example.org");
        assertThat(mail.getMessageID()).isEqualTo("<" + command.id() + "@consilium.local>");
        await().atMost(Duration.ofSeconds(10)).until(() -> !KafkaProbe.envelopes(MessageType.NOTIFICATION_DELIVERED, caseId).isEmpty());
        // sent later by the job, which runs in no trace: the event still continues the command's (ADR 19)
        assertThat(KafkaProbe.envelopes(MessageType.NOTIFICATION_DELIVERED, caseId).get(0).traceparent()).contains(TRACE_ID);

        publish(command); // and a redelivery after it went out neither
        Envelope marker = publish(command(new SendNotification(caseId, recipient(caseId, "en"),
                NotificationPurpose.RECORDS_REMINDER, Map.of())));
        awaitState(marker.id(), DeliveryState.SENT);
        assertThat(Smtp.mailsTo(smtp, caseId + "@example.org")).hasSize(2);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> KafkaProbe.envelopes(MessageType.NOTIFICATION_DELIVERED, caseId).size() >= 2);
        assertThat(KafkaProbe.envelopes(MessageType.NOTIFICATION_DELIVERED, caseId)).hasSize(2);
    }

    @Test
    void aDeferredEmailThatMeetsAnSmtpOutageIsDeferredAgainAndSentOnceWhenSmtpIsBack() throws Exception {
        String caseId = newCaseId();
        Envelope command = publish(command(new SendNotification(caseId, recipient(caseId, "en"),
                NotificationPurpose.MDT_SCHEDULED, Map.of("sessionStartsAt", "2026-12-08T02:00:00Z",
                        "timeZone", zoneInQuietHours()))));
        awaitState(command.id(), DeliveryState.DEFERRED, Duration.ofSeconds(5));
        smtp.stop();
        try {
            // the job's first attempt fails for certain: FAILED, then DEFERRED again with a later notBefore
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> deliveries.findById(command.id()).block(), d -> d.attempts() >= 1
                            && d.state() == DeliveryState.DEFERRED && d.lastError().isPresent());
        } finally {
            smtp.start();
        }

        Delivery sent = awaitState(command.id(), DeliveryState.SENT, Duration.ofSeconds(20));
        assertThat(sent.attempts()).isGreaterThanOrEqualTo(2);
        MimeMessage mail = Smtp.awaitOneMailTo(smtp, caseId + "@example.org");
        assertThat(Smtp.attachments(mail)).extracting(Smtp.File::name).containsExactly("consilium-mdt-" + caseId + ".ics");
        await().atMost(Duration.ofSeconds(10)).until(() -> !KafkaProbe.envelopes(MessageType.NOTIFICATION_DELIVERED, caseId).isEmpty());
        assertThat(Smtp.mailsTo(smtp, caseId + "@example.org")).hasSize(1);
        assertThat(KafkaProbe.envelopes(MessageType.NOTIFICATION_DELIVERED, caseId)).hasSize(1);
    }

    @Test
    void anUrgentNotificationIsSentInTheQuietHours() {
        String caseId = newCaseId();
        Envelope command = publish(command(new SendNotification(caseId, recipient(caseId, "en"),
                NotificationPurpose.RECORDS_REMINDER, Map.of("missing", "brain MRI", "urgency", "URGENT",
                        "timeZone", zoneInQuietHours()))));

        assertThat(awaitState(command.id(), DeliveryState.SENT, Duration.ofSeconds(4)).notBefore()).isEmpty();
        assertThat(Smtp.mailsTo(smtp, caseId + "@example.org")).hasSize(1);
    }
}
