package org.consilium.notification.delivery;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;

public interface DeliveryRepository extends ReactiveMongoRepository<Delivery, String> {
    Flux<Delivery> findByCaseIdOrderByClaimedAtAsc(String caseId);

    Mono<Delivery> findByMessageId(String messageId);

    Flux<Delivery> findByStateOrderByClaimedAtAsc(DeliveryState state);

    Flux<Delivery> findByCaseIdAndStateOrderByClaimedAtAsc(String caseId, DeliveryState state);

    /** Deferred deliveries whose quiet hours are over. */
    Flux<Delivery> findByStateAndNotBeforeLessThanEqual(DeliveryState state, Instant now);

    /** Deliveries in {@code state} whose last attempt started before {@code before}. */
    Flux<Delivery> findByStateAndLastAttemptAtBefore(DeliveryState state, Instant before);
}
