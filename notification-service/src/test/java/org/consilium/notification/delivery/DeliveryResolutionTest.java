package org.consilium.notification.delivery;

import org.consilium.events.Envelope;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.Recipient;
import org.consilium.events.SendNotification;
import org.consilium.notification.mail.RenderedMail;
import org.consilium.support.problem.DomainProblem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryResolutionTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void confirmedDeliveredBecomesSentWithItsEvent() {
        Delivery delivery = unconfirmed();
        delivery.confirmDelivered(resolution(ResolutionOutcome.DELIVERED));
        assertThat(delivery.state()).isEqualTo(DeliveryState.SENT);
        assertThat(delivery.sentAt()).contains(NOW);
        assertThat(delivery.pendingEvents()).hasSize(1);
        assertThat(delivery.resolutions()).hasSize(1);
    }

    @Test
    void resendMakesItDueForTheJobWithItsCommand() {
        Delivery delivery = unconfirmed();
        delivery.resend(resolution(ResolutionOutcome.RESEND));
        assertThat(delivery.state()).isEqualTo(DeliveryState.DEFERRED);
        assertThat(delivery.notBefore()).contains(NOW);
        assertThat(delivery.deferredCommand()).isPresent();
        assertThat(delivery.pendingEvents()).isEmpty();
    }

    @Test
    void onlyUnconfirmedDeliveriesCanBeResolved() {
        Delivery delivery = unconfirmed();
        delivery.confirmDelivered(resolution(ResolutionOutcome.DELIVERED));
        assertThatThrownBy(() -> delivery.resend(resolution(ResolutionOutcome.RESEND)))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.slug()).isEqualTo("delivery-not-unconfirmed"));
        assertThat(delivery.resolutions()).hasSize(1);
    }

    private static Resolution resolution(ResolutionOutcome outcome) {
        return new Resolution(outcome, "checked the SMTP log", "ops", NOW);
    }

    private static Delivery unconfirmed() {
        Recipient to = new Recipient("Siti", "siti@example.org", "en");
        Envelope command = Envelope.of(new SendNotification("case-1", to, NotificationPurpose.CASE_DECLINED, Map.of()),
                "cmd-1", "/test", NOW);
        Delivery delivery = Delivery.claim(command, DeliveryPurpose.CASE_DECLINED, to, "<cmd-1@x>",
                new RenderedMail("en", "subject", "text", "<p>html</p>"), NOW.minusSeconds(60));
        delivery.unconfirmed("no outcome", NOW.minusSeconds(30));
        return delivery;
    }
}
