package org.consilium.mdt.submission;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface SubmittedQuestionRepository extends ReactiveMongoRepository<SubmittedQuestion, String> {
}
