package org.consilium.identity.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.consilium.identity.IdentityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class ConsiliumClientsTest {

    @Test
    void swaggerUiOfEveryServicePortIsARedirectTargetWithTheStacksOffset() {
        assertThat(ConsiliumClients.swaggerRedirects(10000)).contains(
                "http://localhost:18080/swagger-ui/oauth2-redirect.html",
                "http://localhost:18084/swagger-ui/oauth2-redirect.html",
                "http://127.0.0.1:8080/swagger-ui/oauth2-redirect.html")
                .doesNotContain("http://localhost:8080/swagger-ui/oauth2-redirect.html");
    }

    @Test
    void camundaLoginCallbackIsARedirectTargetOnBpmnsShiftedPortAndTheLoopbackIp() {
        assertThat(ConsiliumClients.camundaRedirects(10000)).containsExactly(
                "http://localhost:18080/login/oauth2/code/consilium",
                "http://127.0.0.1:8080/login/oauth2/code/consilium");
        assertThat(ConsiliumClients.camundaRedirects(0)).contains("http://localhost:8080/login/oauth2/code/consilium");
    }

    @Test
    void camundaWebappsAreAConfidentialCodeFlowClientWithTheSecretFromTheEnvironmentAndNoConsentScreen() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        IdentityProperties properties = new IdentityProperties("pw", "services-secret", 0, "", Duration.ofMinutes(30));
        RegisteredClient camunda = new ConsiliumClients().registeredClients(properties, encoder, "camunda-secret", "console-secret")
                .findByClientId(ConsiliumClients.CAMUNDA);

        assertThat(camunda).isNotNull();
        assertThat(encoder.matches("camunda-secret", camunda.getClientSecret())).isTrue();
        assertThat(camunda.getAuthorizationGrantTypes()).containsExactly(AuthorizationGrantType.AUTHORIZATION_CODE);
        assertThat(camunda.getClientAuthenticationMethods()).contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .doesNotContain(ClientAuthenticationMethod.NONE);
        assertThat(camunda.getScopes()).containsExactlyInAnyOrder("openid", "profile", "email");
        assertThat(camunda.getRedirectUris()).contains("http://localhost:8080/login/oauth2/code/consilium");
        assertThat(camunda.getClientSettings().isRequireAuthorizationConsent()).isFalse();
    }

    @Test
    void theConsoleIsAConfidentialCodeFlowClientWithPkceRefreshTokensAndALogoutRedirectOnItsShiftedPort() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        IdentityProperties properties = new IdentityProperties("pw", "services-secret", 10000, "", Duration.ofMinutes(30));
        RegisteredClient console = new ConsiliumClients().registeredClients(properties, encoder, "camunda-secret", "console-secret")
                .findByClientId(ConsiliumClients.CONSOLE);

        assertThat(console).isNotNull();
        assertThat(encoder.matches("console-secret", console.getClientSecret())).isTrue();
        assertThat(console.getAuthorizationGrantTypes()).containsExactlyInAnyOrder(
                AuthorizationGrantType.AUTHORIZATION_CODE, AuthorizationGrantType.REFRESH_TOKEN);
        assertThat(console.getClientAuthenticationMethods()).containsExactly(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        assertThat(console.getClientSettings().isRequireProofKey()).isTrue();
        assertThat(console.getClientSettings().isRequireAuthorizationConsent()).isFalse();
        assertThat(console.getRedirectUris()).containsExactlyInAnyOrder(
                "http://localhost:18090/login/oauth2/code/consilium", "http://127.0.0.1:8090/login/oauth2/code/consilium");
        assertThat(console.getPostLogoutRedirectUris()).containsExactlyInAnyOrder(
                "http://localhost:18090/signed-out", "http://127.0.0.1:8090/signed-out");
    }
}
