package org.consilium.console.upload;

import io.netty.channel.ChannelOption;
import org.consilium.console.ConsoleProperties;
import org.consilium.console.services.ServiceProblem;
import org.consilium.console.signin.ConsoleRegistration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * The two ways the upload pages reach records-service. Unlike {@code services.ServiceClients}, the relays do not turn
 * a refusal into an exception: they hand records' answer (status, tus headers, problem+json) back to the
 * browser as it came, so tus-js-client sees the protocol and the page the refusal's own type.
 */
@Configuration(proxyBeanMethods = false)
class UploadClients {

    /** With the signed-in patient's or caregiver's own token: records decides whether the case is theirs. */
    @Bean
    RecordsAsUser recordsAsUser(WebClient.Builder http, ReactiveOAuth2AuthorizedClientManager tokens,
                                ConsoleProperties properties) {
        ServerOAuth2AuthorizedClientExchangeFilterFunction relay = new ServerOAuth2AuthorizedClientExchangeFilterFunction(tokens);
        relay.setDefaultClientRegistrationId(ConsoleRegistration.ID);
        WebClient relaying = bounded(http, properties).filter(relay).build();
        return new RecordsAsUser(relaying, relaying.mutate().filter(ServiceProblem.onError()).build());
    }

    /** With no token at all: the doctor's requests carry their link ({@code Upload-Link}), which records checks. */
    @Bean
    RecordsByLink recordsByLink(WebClient.Builder http, ConsoleProperties properties) {
        WebClient plain = bounded(http, properties).build();
        return new RecordsByLink(plain, plain.mutate().filter(ServiceProblem.onError()).build());
    }

    private static WebClient.Builder bounded(WebClient.Builder http, ConsoleProperties properties) {
        HttpClient client = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 3000)
                // from the last byte sent: a PATCH of one chunk may take long to send on a weak link, not to answer
                .responseTimeout(properties.callTimeout());
        return http.clone().baseUrl(properties.recordsUrl().toString())
                .clientConnector(new ReactorClientHttpConnector(client));
    }

    /** @param relay answers as they come (the tus relay); {@code reads} a refusal as a {@code ServiceProblem} (pages) */
    record RecordsAsUser(WebClient relay, WebClient reads) {
    }

    /** As {@link RecordsAsUser}, for the holder of an upload link. */
    record RecordsByLink(WebClient relay, WebClient reads) {
    }
}
