package org.consilium.console.services;

import org.consilium.console.ConsoleProperties;
import org.consilium.console.signin.ConsoleRegistration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The clients of the services the console reads and writes through. Each call carries the signed-in user's own
 * access token (token relay), so every service decides what this person may see exactly as it would for any other
 * client: the console holds no privilege of its own and shows no door the services would not open.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceClients {

    @Bean
    Engine engine(WebClient.Builder http, ReactiveOAuth2AuthorizedClientManager tokens, ConsoleProperties properties) {
        return new Engine(relaying(http, tokens, properties).baseUrl(properties.engineUrl() + "/engine-rest").build());
    }

    @Bean
    Intake intake(WebClient.Builder http, ReactiveOAuth2AuthorizedClientManager tokens, ConsoleProperties properties) {
        return new Intake(relaying(http, tokens, properties).baseUrl(properties.intakeUrl().toString()).build());
    }

    @Bean
    Records records(WebClient.Builder http, ReactiveOAuth2AuthorizedClientManager tokens, ConsoleProperties properties) {
        return new Records(relaying(http, tokens, properties).baseUrl(properties.recordsUrl().toString()).build());
    }

    @Bean
    Mdt mdt(WebClient.Builder http, ReactiveOAuth2AuthorizedClientManager tokens, ConsoleProperties properties) {
        return new Mdt(relaying(http, tokens, properties).baseUrl(properties.mdtUrl().toString()).build());
    }

    @Bean
    Notification notification(WebClient.Builder http, ReactiveOAuth2AuthorizedClientManager tokens, ConsoleProperties properties) {
        return new Notification(relaying(http, tokens, properties).baseUrl(properties.notificationUrl().toString()).build());
    }

    private static WebClient.Builder relaying(WebClient.Builder http, ReactiveOAuth2AuthorizedClientManager tokens,
                                              ConsoleProperties properties) {
        ServerOAuth2AuthorizedClientExchangeFilterFunction relay = new ServerOAuth2AuthorizedClientExchangeFilterFunction(tokens);
        relay.setDefaultClientRegistrationId(ConsoleRegistration.ID);
        return http.clone().clientConnector(BoundedCalls.connector(properties.callTimeout())).filter(relay)
                .filter(ServiceProblem.onError());
    }

    /** The engine's REST API ({@code /engine-rest}). */
    public record Engine(WebClient client) {
    }

    /** intake-service. */
    public record Intake(WebClient client) {
    }

    /** records-service. */
    public record Records(WebClient client) {
    }

    /** mdt-scheduler. */
    public record Mdt(WebClient client) {
    }

    /** notification-service. */
    public record Notification(WebClient client) {
    }
}
