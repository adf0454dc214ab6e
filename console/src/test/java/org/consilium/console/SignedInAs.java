package org.consilium.console;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A person signed in to the console for a page test whose calls reach a stand-in service: the console's own client
 * registration (so that the token relay finds an authorized client to send), the person's name and e-mail
 * ({@code <username>@example.org}) in the ID token, and one role.
 */
public final class SignedInAs {
    public static final ClientRegistration CONSOLE = ClientRegistration.withRegistrationId("consilium")
            .clientId("consilium-console").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").authorizationUri("http://localhost:1/authorize")
            .tokenUri("http://localhost:1/token").build();

    private SignedInAs() {
    }

    public static WebTestClient person(WebTestClient web, String role, String username, String name) {
        return web.mutateWith(mockOidcLogin().clientRegistration(CONSOLE)
                .idToken(token -> token.claim("preferred_username", username).claim("name", name)
                        .claim("email", username + "@example.org"))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role)));
    }
}
