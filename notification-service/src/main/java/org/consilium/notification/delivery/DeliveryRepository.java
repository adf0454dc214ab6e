package org.consilium.notification.delivery;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;

import java.time.Instant;

public interface DeliveryRepository extends ReactiveMongoRepository<Delivery, String> {
    Flux<Delivery> findByCaseIdOrderByClaimedAtAsc(String caseId);

    /** Deferred deliveries whose quiet hours are over. */
    Flux<Delivery> findByStateAndNotBeforeLessThanEqual(DeliveryState state, Instant now);

    /** Deliveries in {@code state} whose last attempt started before {@code before}. */
    Flux<Delivery> findByStateAndLastAttemptAtBefore(DeliveryState state, Instant before);
}
