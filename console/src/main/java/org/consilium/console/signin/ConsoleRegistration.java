package org.consilium.console.signin;

import org.consilium.console.ConsoleProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import reactor.core.publisher.Mono;

/**
 * The console's one registration, {@value #ID}: client {@code consilium-console} (confidential, secret basic),
 * built from the provider's discovery document, so the same code signs in at the embedded provider and at Keycloak,
 * and the end-session endpoint (RP-initiated logout) comes from the provider too.
 */
public final class ConsoleRegistration implements ReactiveClientRegistrationRepository {
    public static final String ID = "consilium";
    /** Where a browser that is not signed in is sent: Spring's start of the authorization code flow. */
    public static final String SIGN_IN = "/oauth2/authorization/" + ID;
    static final String USERNAME = "preferred_username";

    private final ProviderDiscovery discovery;
    private final ConsoleProperties properties;

    ConsoleRegistration(ProviderDiscovery discovery, ConsoleProperties properties) {
        this.discovery = discovery;
        this.properties = properties;
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        if (!ID.equals(registrationId)) {
            return Mono.empty();
        }
        return discovery.configuration().map(document -> ClientRegistrations.fromOidcConfiguration(document)
                .registrationId(ID)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL)
                .userNameAttributeName(USERNAME)
                .build());
    }
}
