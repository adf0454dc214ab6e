package org.consilium.notification;

import org.junit.jupiter.api.Test;

/** The OpenAPI document lists the operator, webhook and inbox endpoints, and no webhook secret in any response. */
class ApiDocsTest extends ServiceTest {

    @Test
    void everyEndpointIsDocumented() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/deliveries/{id}/resolution'].post").exists()
                .jsonPath("$.paths['/deliveries/bounces'].post").exists()
                .jsonPath("$.paths['/webhooks'].post").exists()
                .jsonPath("$.paths['/webhooks/{id}'].delete").exists()
                .jsonPath("$.paths['/webhook-deliveries'].get").exists()
                .jsonPath("$.paths['/inbox/{user}'].get").exists()
                .jsonPath("$.paths['/inbox/{user}/{messageId}/read'].post").exists()
                .jsonPath("$.components.schemas.WebhookSubscriptionView.properties.secret").doesNotExist()
                .jsonPath("$.components.schemas.RegisterWebhook.properties.secret.writeOnly").isEqualTo(true);
    }
}
