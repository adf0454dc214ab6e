package org.consilium.console.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.consilium.console.ConsoleProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import reactor.test.StepVerifier;

/**
 * A provider that takes the connection and never answers (a stalled JVM, a full thread pool): the sign-in ends with
 * the console's "did not answer" failure after the call timeout, instead of a browser waiting without end.
 */
class ProviderCallsTest {
    private ServerSocket stalled;
    private final List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void aProviderThatAcceptsAndNeverAnswers() throws Exception {
        stalled = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!stalled.isClosed()) {
                try {
                    held.add(stalled.accept());
                } catch (Exception closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void close() throws Exception {
        stalled.close();
        for (Socket socket : held) {
            socket.close();
        }
    }

    @Test
    void theCodeExchangeWithAStalledProviderEndsAsASignInFailureNamingIt() {
        String provider = "http://127.0.0.1:" + stalled.getLocalPort();
        ConsoleProperties properties = new ConsoleProperties(URI.create(provider), "consilium-console", "secret",
                null, null, null, null, null, Duration.ofMillis(500), 200, List.of());
        ClientRegistration registration = ClientRegistration.withRegistrationId(ConsoleRegistration.ID)
                .clientId("consilium-console").clientSecret("secret")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://localhost/login/oauth2/code/consilium")
                .authorizationUri(provider + "/oauth2/authorize").tokenUri(provider + "/oauth2/token").build();
        OAuth2AuthorizationRequest asked = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(provider + "/oauth2/authorize").clientId("consilium-console")
                .redirectUri("http://localhost/login/oauth2/code/consilium").state("s").attributes(Map.of()).build();
        OAuth2AuthorizationResponse answered = OAuth2AuthorizationResponse.success("code").state("s")
                .redirectUri("http://localhost/login/oauth2/code/consilium").build();

        StepVerifier.create(new ProviderCalls().codeExchange(properties).getTokenResponse(
                        new OAuth2AuthorizationCodeGrantRequest(registration, new OAuth2AuthorizationExchange(asked, answered))))
                .expectErrorSatisfies(failure -> assertThat(failure).isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                        signIn -> assertThat(signIn.getError().getErrorCode()).isEqualTo(ProviderCalls.NO_ANSWER)))
                .verify(Duration.ofSeconds(30));
        assertThat(held).as("the provider was reached and held the call").isNotEmpty();
    }
}
