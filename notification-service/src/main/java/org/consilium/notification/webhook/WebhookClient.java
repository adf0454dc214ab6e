package org.consilium.notification.webhook;

import io.netty.channel.ChannelOption;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Posts one signed event. Never throws: every outcome, no answer included, is a {@link WebhookResponse}. */
@Component
class WebhookClient {
    static final String ID = "Consilium-Webhook-Id";
    static final String TIMESTAMP = "Consilium-Webhook-Timestamp";
    static final String SIGNATURE = "Consilium-Webhook-Signature";
    static final String ATTEMPT = "Consilium-Webhook-Attempt";

    private final WebClient web;
    private final WebhookSettings settings;
    private final Clock clock;

    WebhookClient(WebClient.Builder builder, WebhookSettings settings, Clock clock) {
        // Redirects are not followed: the signature was made for the registered URL only.
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.timeout().toMillis())
                .responseTimeout(settings.timeout());
        this.web = builder.clientConnector(new ReactorClientHttpConnector(http)).build();
        this.settings = settings;
        this.clock = clock;
    }

    Mono<WebhookResponse> post(WebhookDelivery delivery, String secret) {
        // Signed per attempt: a receiver may reject old timestamps, and a retry can come minutes later.
        long timestamp = clock.instant().getEpochSecond();
        return web.post().uri(URI.create(delivery.url()))
                .contentType(MediaType.APPLICATION_JSON)
                .header(ID, delivery.id())
                .header(TIMESTAMP, Long.toString(timestamp))
                .header(SIGNATURE, WebhookSignature.sign(secret, timestamp, delivery.body()))
                .header(ATTEMPT, Integer.toString(delivery.attempts()))
                .bodyValue(delivery.body().getBytes(StandardCharsets.UTF_8))
                .exchangeToMono(response -> response.releaseBody().thenReturn(WebhookResponse.of(response.statusCode().value())))
                .timeout(settings.timeout().multipliedBy(2))
                .onErrorResume(e -> Mono.just(WebhookResponse.unreachable(e)));
    }
}
