package org.consilium.notification.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    @Test
    void signsTimestampDotBodyWithHmacSha256AsTheReadmeSays() {
        // echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac "0123456789abcdef-secret"
        assertThat(WebhookSignature.sign("0123456789abcdef-secret", 1_700_000_000L, "{\"a\":1}"))
                .isEqualTo("v1=6948a2dc6985c92d09b9edade5c97dce2ba201452d91a72e4a20d35abe4d3420");
    }

    @Test
    void theTimestampIsPartOfTheSignature() {
        assertThat(WebhookSignature.sign("k".repeat(16), 1, "{}")).isNotEqualTo(WebhookSignature.sign("k".repeat(16), 2, "{}"));
    }

    @Test
    void backOffDoublesFromTheInitialWaitUpToTheCap() {
        WebhookSettings settings = new WebhookSettings(Duration.ofSeconds(1), 8, Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofMinutes(2), 4);
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        assertThat(settings.retryAt(1, now)).isEqualTo(now.plusSeconds(5));
        assertThat(settings.retryAt(2, now)).isEqualTo(now.plusSeconds(10));
        assertThat(settings.retryAt(3, now)).isEqualTo(now.plusSeconds(20));
        assertThat(settings.retryAt(4, now)).isEqualTo(now.plusSeconds(30));
        assertThat(settings.retryAt(60, now)).isEqualTo(now.plusSeconds(30));
    }

    @Test
    void onlyNoAnswerServerErrorsTimeoutAndTooManyRequestsAreRetried() {
        assertThat(WebhookResponse.unreachable(new java.net.ConnectException("refused")).retryable()).isTrue();
        assertThat(WebhookResponse.of(503).retryable()).isTrue();
        assertThat(WebhookResponse.of(408).retryable()).isTrue();
        assertThat(WebhookResponse.of(429).retryable()).isTrue();
        assertThat(WebhookResponse.of(400).retryable()).isFalse();
        assertThat(WebhookResponse.of(410).retryable()).isFalse();
        assertThat(WebhookResponse.of(302).retryable()).isFalse();
        assertThat(WebhookResponse.of(204).delivered()).isTrue();
    }
}
