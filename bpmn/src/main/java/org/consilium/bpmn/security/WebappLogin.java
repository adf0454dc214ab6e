package org.consilium.bpmn.security;

import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestClient;

/**
 * The webapps' OIDC login: registration {@value #REGISTRATION} (callback {@code /login/oauth2/code/consilium}),
 * built from the provider's discovery document at the first login rather than at start-up, and every call
 * to the provider with the same short timeouts as the bearer-token checks.
 */
final class WebappLogin implements ClientRegistrationRepository {
    static final String REGISTRATION = "consilium";
    static final String START = "/oauth2/authorization/" + REGISTRATION;

    private final IssuerDiscovery discovery;
    private final WebappClient client;

    WebappLogin(IssuerDiscovery discovery, WebappClient client) {
        this.discovery = discovery;
        this.client = client;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION.equals(registrationId)) {
            return null;
        }
        return ClientRegistrations.fromOidcConfiguration(discovery.configuration())
                .registrationId(REGISTRATION)
                .clientId(client.id())
                .clientSecret(client.secret())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL)
                .userNameAttributeName(RolesClaim.USERNAME)
                .build();
    }

    /** The code-for-token exchange, bounded. */
    OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> tokenExchange() {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(IssuerDiscovery.CONNECT_TIMEOUT);
        factory.setReadTimeout(IssuerDiscovery.READ_TIMEOUT);
        RestClientAuthorizationCodeTokenResponseClient exchange = new RestClientAuthorizationCodeTokenResponseClient();
        exchange.setRestClient(RestClient.builder()
                .requestFactory(factory)
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        return exchange;
    }

    /** The ID token's checks (signature, issuer, audience, nonce, expiry) with the bounded JWKS fetch. */
    JwtDecoderFactory<ClientRegistration> idTokenDecoders() {
        return registration -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                    .restOperations(discovery.rest()).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    new JwtTimestampValidator(), new OidcIdTokenValidator(registration)));
            decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
            return decoder;
        };
    }
}
