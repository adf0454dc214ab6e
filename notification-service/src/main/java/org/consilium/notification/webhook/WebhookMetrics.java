package org.consilium.notification.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code consilium.notification.webhook.attempts{result=delivered|retry|failed}}: every HTTP attempt by how it
 * ended; {@code consilium.notification.webhook.failures}: deliveries given up (FAILED). Alert on the latter.
 */
@Component
class WebhookMetrics {
    private final Counter delivered;
    private final Counter retried;
    private final Counter refused;
    private final Counter failures;

    WebhookMetrics(MeterRegistry meters) {
        delivered = attempts(meters, "delivered");
        retried = attempts(meters, "retry");
        refused = attempts(meters, "failed");
        failures = Counter.builder("consilium.notification.webhook.failures")
                .description("webhook deliveries given up: refused by the subscriber or out of attempts").register(meters);
    }

    private static Counter attempts(MeterRegistry meters, String result) {
        return Counter.builder("consilium.notification.webhook.attempts").description("webhook HTTP attempts by outcome")
                .tag("result", result).register(meters);
    }

    void attempt(WebhookState after) {
        switch (after) {
            case DELIVERED -> delivered.increment();
            case PENDING -> retried.increment();
            default -> {
                refused.increment();
                failures.increment();
            }
        }
    }
}
