package org.consilium.notification.delivery;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;

public interface DeliveryRepository extends ReactiveMongoRepository<Delivery, String> {
    Flux<Delivery> findByCaseIdOrderByClaimedAtAsc(String caseId);
}
