package org.consilium.mdt.review;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface ReviewRepository extends ReactiveMongoRepository<Review, String> {
}
