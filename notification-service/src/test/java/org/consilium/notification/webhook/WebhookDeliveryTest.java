package org.consilium.notification.webhook;

import org.consilium.notification.delivery.DeliveryPurpose;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookDeliveryTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final WebhookEvent EVENT = new WebhookEvent("cmd-1", "case-1", DeliveryPurpose.CASE_DECLINED, Map.of(), NOW);

    @Test
    void theIdDependsOnCommandAndSubscriptionOnly() {
        assertThat(WebhookDelivery.create("sub-1", "http://a", EVENT, NOW).id())
                .isEqualTo(WebhookDelivery.create("sub-1", "http://b", EVENT, NOW.plusSeconds(9)).id())
                .isNotEqualTo(WebhookDelivery.create("sub-2", "http://a", EVENT, NOW).id());
    }

    @Test
    void anAttemptWithoutOutcomeIsMadeDueAgainKeepingItsCount() {
        WebhookDelivery delivery = WebhookDelivery.create("sub-1", "http://a", EVENT, NOW);
        delivery.startAttempt(NOW);
        delivery.stuck(NOW.plusSeconds(300));
        assertThat(delivery.state()).isEqualTo(WebhookState.PENDING);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.nextAttemptAt()).contains(NOW.plusSeconds(300));
    }

    @Test
    void aFailureWithoutRetryIsFinal() {
        WebhookDelivery delivery = WebhookDelivery.create("sub-1", "http://a", EVENT, NOW);
        delivery.startAttempt(NOW);
        delivery.attemptFailed(WebhookResponse.of(410), Optional.empty());
        assertThat(delivery.state()).isEqualTo(WebhookState.FAILED);
        assertThat(delivery.lastStatus()).contains(410);
        assertThatThrownBy(() -> delivery.startAttempt(NOW)).isInstanceOf(IllegalStateException.class);
    }
}
