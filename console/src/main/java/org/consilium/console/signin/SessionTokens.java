package org.consilium.console.signin;

import org.consilium.console.ConsoleProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Where the signed-in user's tokens live: in their server-side session (WebSession), never in the browser. They go
 * when the session goes (sign-out, expiry). An access token near its end is renewed with the refresh token before a
 * call, so a session at the desk outlives the token's 30 minutes.
 */
@Configuration(proxyBeanMethods = false)
class SessionTokens {

    @Bean
    ProviderDiscovery providerDiscovery(ConsoleProperties properties, WebClient.Builder http) {
        return new ProviderDiscovery(properties.issuerUri().toString(), http.build(), properties.callTimeout());
    }

    @Bean
    ReactiveClientRegistrationRepository consoleRegistration(ProviderDiscovery discovery, ConsoleProperties properties) {
        return new ConsoleRegistration(discovery, properties);
    }

    @Bean
    ServerOAuth2AuthorizedClientRepository sessionAuthorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
                                                                  ServerOAuth2AuthorizedClientRepository clients,
                                                                  ConsoleProperties properties) {
        DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken(refresh -> refresh.accessTokenResponseClient(ProviderCalls.refresh(properties)))
                .build());
        return manager;
    }

    @Bean
    GrantedAuthoritiesMapper rolesClaim() {
        return new RolesClaim();
    }
}
