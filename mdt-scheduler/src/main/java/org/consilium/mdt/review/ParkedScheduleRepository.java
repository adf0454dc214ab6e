package org.consilium.mdt.review;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface ParkedScheduleRepository extends ReactiveMongoRepository<ParkedSchedule, String> {
}
