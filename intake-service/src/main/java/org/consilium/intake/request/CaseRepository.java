package org.consilium.intake.request;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface CaseRepository extends ReactiveMongoRepository<SecondOpinionCase, String> {
    Mono<SecondOpinionCase> findByIdempotencyKey(String idempotencyKey);

    Flux<SecondOpinionCase> findByStageOrderBySubmittedAtAsc(Stage stage);
}
