package org.consilium.notification;

import org.consilium.events.Envelope;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.Recipient;
import org.consilium.events.SendNotification;
import org.consilium.notification.delivery.Delivery;
import org.consilium.notification.delivery.DeliveryState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 16: a panel's seven invitations (one command each, keyed as mdt-scheduler's outbox sends them:
 * {@code CloudEventCodec.key}, the case and a digest of the address) from the first command's publication to the last
 * one's SENT, beside one invitation alone on the same service (the baseline: what seven would take if they overlapped
 * completely). Before the per-recipient key and the thread per partition, all seven shared the case's partition. On demand:
 * {@code mvn -pl notification-service -am test -Dtest=PanelInvitationsBenchmark -Dexcluded.groups= -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class PanelInvitationsBenchmark extends ServiceTest {
    private static final int PANEL = 7;
    private static final int ROUNDS = 5;

    @Test
    void aPanelsInvitations() {
        panel(1); // warm-up: templates, calendar, the SMTP connection
        List<Long> alone = new ArrayList<>();
        List<Long> seven = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            alone.add(panel(1));
            seven.add(panel(PANEL));
        }
        System.out.printf("%nPanelInvitationsBenchmark, %d rounds: one invitation alone %s ms (median %d); "
                        + "a panel of %d, first published -> last SENT %s ms (median %d)%n", ROUNDS, alone,
                median(alone), PANEL, seven, median(seven));
    }

    /** Milliseconds from the first command's publication to the last one's SENT. */
    private long panel(int members) {
        String caseId = newCaseId();
        Instant start = Instant.now();
        List<Envelope> commands = new ArrayList<>();
        for (int n = 0; n < members; n++) {
            commands.add(publish(command(new SendNotification(caseId,
                    new Recipient("Dr Member " + n, "member-" + n + "." + caseId + "@example.org", "en"),
                    NotificationPurpose.MDT_INVITATION, Map.of("sessionStartsAt", "2026-12-08T02:00:00Z",
                    "timeZone", "Europe/London", "discipline", "oncologist-" + n, "role", n == 0 ? "chair" : "member",
                    "sessionId", "thoracic-2026-12-08")))));
        }
        Instant last = start;
        for (Envelope command : commands) {
            Delivery sent = awaitState(command.id(), DeliveryState.SENT, Duration.ofMinutes(2));
            Instant at = sent.sentAt().orElseThrow();
            last = at.isAfter(last) ? at : last;
        }
        return Duration.between(start, last).toMillis();
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
