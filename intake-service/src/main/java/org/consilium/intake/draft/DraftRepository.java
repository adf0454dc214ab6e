package org.consilium.intake.draft;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Mono;

import java.time.Instant;

public interface DraftRepository extends ReactiveMongoRepository<IntakeDraft, String> {
    Mono<Long> deleteByExpiresAtBefore(Instant now);
}
