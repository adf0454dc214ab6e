package org.consilium.identity.clients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsiliumClientsTest {

    @Test
    void swaggerUiOfEveryServicePortIsARedirectTargetWithTheStacksOffset() {
        assertThat(ConsiliumClients.swaggerRedirects(10000)).contains(
                "http://localhost:18080/swagger-ui/oauth2-redirect.html",
                "http://localhost:18084/swagger-ui/oauth2-redirect.html",
                "http://127.0.0.1:8080/swagger-ui/oauth2-redirect.html")
                .doesNotContain("http://localhost:8080/swagger-ui/oauth2-redirect.html");
    }
}
