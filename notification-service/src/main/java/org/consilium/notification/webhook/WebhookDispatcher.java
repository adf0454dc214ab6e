package org.consilium.notification.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Posts due webhook deliveries: each is claimed SENDING (attempts + 1, guarded by its version, so two
 * instances never post the same attempt) before the request, and its outcome stored after. Polling the
 * store, rather than posting from the Kafka consumer, is what lets a restart resume what was pending.
 */
@Component
class WebhookDispatcher {
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveryRepository deliveries;
    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookClient client;
    private final WebhookSettings settings;
    private final WebhookMetrics metrics;
    private final Clock clock;

    WebhookDispatcher(WebhookDeliveryRepository deliveries, WebhookSubscriptionRepository subscriptions, WebhookClient client,
                      WebhookSettings settings, WebhookMetrics metrics, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.client = client;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${consilium.notification.webhooks.poll-interval:1s}", initialDelay = 2_000)
    void postDue() {
        try {
            dispatchDue().block(Duration.ofMinutes(5));
        } catch (RuntimeException e) {
            log.warn("could not post due webhooks: {}", e.toString());
        }
    }

    /** Makes stuck attempts due again, then posts every due delivery. Returns how many were delivered. */
    Mono<Long> dispatchDue() {
        Instant now = clock.instant();
        Mono<Long> stuck = deliveries.findByStateAndLastAttemptAtBefore(WebhookState.SENDING, now.minus(settings.stuckAfter()))
                .concatMap(delivery -> {
                    delivery.stuck(now);
                    log.warn("webhook delivery {} to {} had no recorded outcome; posting it again", delivery.id(), delivery.url());
                    return deliveries.save(delivery).onErrorResume(OptimisticLockingFailureException.class, e -> Mono.empty());
                })
                .count();
        Mono<Long> due = deliveries.findByStateAndNextAttemptAtLessThanEqual(WebhookState.PENDING, now)
                .flatMap(this::attempt, settings.concurrency())
                .filter(delivery -> delivery.state() == WebhookState.DELIVERED)
                .count();
        return stuck.then(due);
    }

    private Mono<WebhookDelivery> attempt(WebhookDelivery delivery) {
        return subscriptions.findById(delivery.subscriptionId())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(subscription -> {
                    if (subscription.isEmpty()) {
                        delivery.cancelled("the subscription was deleted before the event was delivered");
                        return deliveries.save(delivery);
                    }
                    delivery.startAttempt(clock.instant());
                    return deliveries.save(delivery).flatMap(claimed -> post(claimed, subscription.get().secret()));
                })
                .onErrorResume(OptimisticLockingFailureException.class, e -> {
                    log.debug("webhook delivery {} was claimed concurrently", delivery.id());
                    return Mono.empty();
                });
    }

    private Mono<WebhookDelivery> post(WebhookDelivery delivery, String secret) {
        return client.post(delivery, secret).flatMap(response -> {
            if (response.delivered()) {
                delivery.delivered(response.status(), clock.instant());
            } else {
                boolean retry = response.retryable() && delivery.attempts() < settings.maxAttempts();
                delivery.attemptFailed(response, retry
                        ? Optional.of(settings.retryAt(delivery.attempts(), clock.instant())) : Optional.empty());
                log.warn("webhook {} to {} failed (attempt {}): {}; {}", delivery.id(), delivery.url(), delivery.attempts(),
                        response.error(), retry ? "next attempt at " + delivery.nextAttemptAt().orElse(null) : "given up");
            }
            metrics.attempt(delivery.state());
            // Saved hard: an outcome that cannot be stored leaves SENDING, and the stuck check posts it again.
            return deliveries.save(delivery).retryWhen(Retry.backoff(3, Duration.ofMillis(200))
                    .filter(e -> !(e instanceof OptimisticLockingFailureException)));
        });
    }
}
