package org.consilium.notification.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.Instant;

/**
 * How webhooks are sent and retried.
 *
 * @param pollInterval   how often the job looks for webhook deliveries that are due
 * @param maxAttempts    attempts before a delivery is FAILED for good
 * @param initialBackoff wait after the first failed attempt; doubled after each further one
 * @param maxBackoff     the longest wait between two attempts
 * @param timeout        connect and response timeout of one attempt
 * @param stuckAfter     an attempt SENDING this long without an outcome (the sender died) is made due again
 * @param concurrency    attempts in flight at once, so one slow subscriber does not hold up the others
 */
@ConfigurationProperties("consilium.notification.webhooks")
public record WebhookSettings(@DefaultValue("1s") Duration pollInterval,
                              @DefaultValue("8") int maxAttempts,
                              @DefaultValue("5s") Duration initialBackoff,
                              @DefaultValue("1h") Duration maxBackoff,
                              @DefaultValue("10s") Duration timeout,
                              @DefaultValue("2m") Duration stuckAfter,
                              @DefaultValue("4") int concurrency) {

    public WebhookSettings {
        // Otherwise an attempt still waiting for its answer would be taken for a dead one and posted again.
        if (stuckAfter.compareTo(timeout.multipliedBy(2)) <= 0) {
            throw new IllegalArgumentException("consilium.notification.webhooks.stuck-after (" + stuckAfter
                    + ") must be longer than twice the timeout (" + timeout + ")");
        }
        if (maxAttempts < 1 || concurrency < 1) {
            throw new IllegalArgumentException("consilium.notification.webhooks.max-attempts and concurrency must be >= 1");
        }
    }

    /** When to try again after {@code attempts} failed attempts: exponential back-off, capped. */
    Instant retryAt(int attempts, Instant now) {
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return now.plus(wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait);
    }
}
