package org.consilium.mdt.submission;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface CrossBorderConsentRepository extends ReactiveMongoRepository<CrossBorderConsent, String> {
}
