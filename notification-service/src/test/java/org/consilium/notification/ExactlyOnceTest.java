package org.consilium.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.consilium.events.CaseMessage;
import org.consilium.events.DeliverReport;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.events.NotificationDelivered;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.ReportContent;
import org.consilium.events.ReportDelivered;
import org.consilium.events.SendNotification;
import org.consilium.notification.delivery.Delivery;
import org.consilium.notification.delivery.DeliveryPurpose;
import org.consilium.notification.delivery.DeliveryState;
import org.consilium.notification.mail.RenderedMail;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Exactly one email per command across redelivery, SMTP outages and a sender that died mid-send. */
class ExactlyOnceTest extends ServiceTest {
    static final String DLQ = "error." + "consilium.notification.commands" + ".notification-service";

    enum Command {
        SEND_NOTIFICATION(caseId -> new SendNotification(caseId, recipient(caseId, "en"),
                NotificationPurpose.CASE_WITHDRAWN, Map.of("reason", "moved abroad")), MessageType.NOTIFICATION_DELIVERED),
        DELIVER_REPORT(caseId -> new DeliverReport(caseId, recipient(caseId, "en"), "Surgery first?", "Surgery first",
                new ReportContent(true, "Surgery first", "The panel agrees with your team.", null, List.of(), "Dr Tan")),
                MessageType.REPORT_DELIVERED);

        final Function<String, CaseMessage> payload;
        final MessageType delivered;

        Command(Function<String, CaseMessage> payload, MessageType delivered) {
            this.payload = payload;
            this.delivered = delivered;
        }
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void theSameCommandDeliveredTwiceSendsOneEmailAndPublishesOneEvent(Command type) {
        String caseId = newCaseId();
        Envelope command = command(type.payload.apply(caseId));
        publish(command);
        publish(command);
        // Same key, same partition: once the marker's email is out, both copies were consumed.
        Envelope marker = publish(command(new SendNotification(caseId, recipient(caseId, "en"),
                NotificationPurpose.MDT_SCHEDULED, Map.of())));
        awaitState(marker.id(), DeliveryState.SENT);

        assertThat(Smtp.mailsTo(smtp, caseId + "@example.org")).extracting(ExactlyOnceTest::messageId)
                .containsExactly(messageId(command), messageId(marker));
        await().atMost(Duration.ofSeconds(30)).until(() -> published(caseId, marker) && published(caseId, command));
        assertThat(KafkaProbe.envelopes(type.delivered, caseId)).filteredOn(e -> commandId(e).equals(command.id())).hasSize(1);
        assertThat(awaitState(command.id(), DeliveryState.SENT).attempts()).isEqualTo(1);
    }

    @Test
    void aCommandArrivingWhileSmtpIsDownIsRetriedAndSentOnceWhenSmtpIsBack() {
        String caseId = newCaseId();
        smtp.stop();
        double failuresBefore = count("consilium.notification.send.failures", "CASE_WITHDRAWN");
        Envelope command = publish(command(Command.SEND_NOTIFICATION.payload.apply(caseId)));

        // The binder retried at least once after the first failure: attempts counts the SMTP tries.
        Delivery failed = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> deliveries.findById(command.id()).block(),
                        d -> d != null && d.state() == DeliveryState.FAILED && d.attempts() >= 2);
        assertThat(failed.lastError()).hasValueSatisfying(e -> assertThat(e).contains("SMTP did not accept"));
        smtp.start();

        Delivery sent = awaitState(command.id(), DeliveryState.SENT);
        assertThat(sent.attempts()).isGreaterThanOrEqualTo(3);
        assertThat(sent.lastError()).isEmpty();
        assertThat(Smtp.mailsTo(smtp, caseId + "@example.org")).hasSize(1);
        assertThat(count("consilium.notification.send.failures", "CASE_WITHDRAWN")).isGreaterThanOrEqualTo(failuresBefore + 2);
        KafkaProbe.awaitPublished(MessageType.NOTIFICATION_DELIVERED, caseId, NotificationDelivered.class);
    }

    @Test
    void whenRetriesAreSpentTheCommandIsDeadLetteredAndSentOnceWhenRedelivered() {
        String caseId = newCaseId();
        smtp.stop();
        Envelope command = publish(command(Command.DELIVER_REPORT.payload.apply(caseId)));

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> KafkaProbe.records(DLQ).stream()
                .anyMatch(r -> caseId.equals(r.key()) && r.headers().lastHeader("x-exception-message") != null));
        Delivery failed = awaitState(command.id(), DeliveryState.FAILED);
        assertThat(failed.attempts()).isEqualTo(4);

        smtp.start();
        publish(command); // ops replays the dead letter: same envelope, same id
        assertThat(awaitState(command.id(), DeliveryState.SENT).attempts()).isEqualTo(5);
        assertThat(Smtp.mailsTo(smtp, caseId + "@example.org")).hasSize(1);
        assertThat(KafkaProbe.awaitPublished(MessageType.REPORT_DELIVERED, caseId, ReportDelivered.class).commandId())
                .isEqualTo(command.id());
    }

    @Test
    void aDeliveryFoundSendingOnRedeliveryIsNotResentButMarkedUnconfirmed() {
        String caseId = newCaseId();
        Envelope command = command(Command.SEND_NOTIFICATION.payload.apply(caseId));
        // The sender claimed the command, then died before recording what SMTP said.
        deliveries.insert(Delivery.claim(command, DeliveryPurpose.CASE_WITHDRAWN, recipient(caseId, "en"),
                "<" + command.id() + "@consilium.local>", new RenderedMail("en", "Your case has been withdrawn", "", ""),
                Instant.now().minusSeconds(60))).block();
        double before = count("consilium.notification.deliveries.unconfirmed", "CASE_WITHDRAWN");

        publish(command);

        Delivery unconfirmed = awaitState(command.id(), DeliveryState.UNCONFIRMED);
        assertThat(unconfirmed.attempts()).isEqualTo(1);
        assertThat(unconfirmed.lastError()).hasValueSatisfying(e -> assertThat(e).contains("may or may not have been sent"));
        assertThat(count("consilium.notification.deliveries.unconfirmed", "CASE_WITHDRAWN")).isEqualTo(before + 1);
        assertThat(Smtp.mailsTo(smtp, caseId + "@example.org")).isEmpty();
        http.get().uri("/deliveries/{id}", command.id()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("UNCONFIRMED");

        // A further redelivery changes nothing either.
        publish(command);
        Envelope marker = publish(command(new SendNotification(caseId, recipient(caseId, "en"),
                NotificationPurpose.MDT_SCHEDULED, Map.of())));
        awaitState(marker.id(), DeliveryState.SENT);
        assertThat(Smtp.mailsTo(smtp, caseId + "@example.org")).extracting(ExactlyOnceTest::messageId)
                .containsExactly(messageId(marker));
        assertThat(count("consilium.notification.deliveries.unconfirmed", "CASE_WITHDRAWN")).isEqualTo(before + 1);
        assertThat(KafkaProbe.envelopes(MessageType.NOTIFICATION_DELIVERED, caseId))
                .noneMatch(e -> commandId(e).equals(command.id()));
    }

    private static boolean published(String caseId, Envelope command) {
        MessageType delivered = command.type() == MessageType.DELIVER_REPORT
                ? MessageType.REPORT_DELIVERED : MessageType.NOTIFICATION_DELIVERED;
        return KafkaProbe.envelopes(delivered, caseId).stream().anyMatch(e -> commandId(e).equals(command.id()));
    }

    private static String messageId(Envelope command) {
        return "<" + command.id() + "@consilium.local>";
    }

    private static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String commandId(Envelope event) {
        return event.payload() instanceof ReportDelivered r ? r.commandId()
                : event.payload(NotificationDelivered.class).commandId();
    }
}
