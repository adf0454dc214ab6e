package org.consilium.notification.inbox;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;

public interface InboxRepository extends ReactiveMongoRepository<InboxMessage, String> {
    Flux<InboxMessage> findByUserOrderByDeliveredAtDesc(String user);
}
