package org.consilium.notification.webhook;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;

import java.time.Instant;

public interface WebhookDeliveryRepository extends ReactiveMongoRepository<WebhookDelivery, String> {

    Flux<WebhookDelivery> findByStateAndNextAttemptAtLessThanEqual(WebhookState state, Instant now);

    Flux<WebhookDelivery> findByStateAndLastAttemptAtBefore(WebhookState state, Instant before);
}
