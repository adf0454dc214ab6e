package org.consilium.intake;

import org.consilium.support.testing.EmbeddedInfrastructure;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for every test class against the embedded broker and MongoDB. Two
 * contexts would share the {@code intake-service} consumer group, and one would take events
 * meant for the cases the other stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
abstract class IntakeContextTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.register(registry, "intake-test");
    }
}
