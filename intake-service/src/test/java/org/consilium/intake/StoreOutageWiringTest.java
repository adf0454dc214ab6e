package org.consilium.intake;

import org.consilium.support.store.StoreOutageTranslator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: the service's store access translates a store that failed inside itself into an outage (503 with
 * Retry-After, consumers wait), as service-support's StoreUnavailableApiTest shows on a bare template; here in the
 * service as it starts, repositories included.
 */
class StoreOutageWiringTest extends IntakeContextTest {
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void theServicesStoreAccessTellsAStoreThatFailedInsideItselfFromARefusal() {
        assertThat(mongo.getMongoDatabaseFactory().getExceptionTranslator()).isInstanceOf(StoreOutageTranslator.class);
    }
}
