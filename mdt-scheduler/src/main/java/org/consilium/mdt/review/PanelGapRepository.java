package org.consilium.mdt.review;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface PanelGapRepository extends ReactiveMongoRepository<PanelGap, String> {
}
