package org.consilium.records.intake;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

/**
 * The token records-service shows intake-service: client {@value #REGISTRATION}'s client-credentials token
 * (role {@code service}) from the identity provider ({@code ${CONSILIUM_ISSUER_URI}/oauth2/token}, secret
 * {@code SERVICES_CLIENT_SECRET}). The authorized-client service keeps it and a new one is asked for only
 * when it is about to expire. With security off no token is sent (intake does not check one either).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "consilium.security.enabled", havingValue = "true")
public class ServiceCredentials {
    static final String REGISTRATION = "consilium-services";

    /** What {@link IntakeClient} adds to each request: the bearer token, fetched or reused. */
    public record Filter(ExchangeFilterFunction function) {
    }

    @Bean
    Filter intakeCredentials(ReactiveClientRegistrationRepository registrations,
                              ReactiveOAuth2AuthorizedClientService clients,
                              @Value("${spring.security.oauth2.client.registration.consilium-services.client-secret:}")
                              String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("SERVICES_CLIENT_SECRET is required when consilium.security.enabled=true: "
                    + "records-service fetches intake attachments with the " + REGISTRATION + " client's token");
        }
        AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        ServerOAuth2AuthorizedClientExchangeFilterFunction oauth = new ServerOAuth2AuthorizedClientExchangeFilterFunction(manager);
        oauth.setDefaultClientRegistrationId(REGISTRATION);
        return new Filter(oauth);
    }
}
