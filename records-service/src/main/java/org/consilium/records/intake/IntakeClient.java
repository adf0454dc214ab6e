package org.consilium.records.intake;

import io.netty.channel.ChannelOption;
import org.consilium.records.RecordsProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

/**
 * Fetches the content of an intake attachment from intake-service, streamed (never held whole), as the
 * {@code consilium-services} client ({@link ServiceCredentials}).
 */
@Component
public class IntakeClient {
    private final WebClient web;

    public IntakeClient(WebClient.Builder builder, RecordsProperties properties,
                        ObjectProvider<ServiceCredentials.Filter> credentials) {
        RecordsProperties.Intake intake = properties.intake();
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .responseTimeout(intake.fetchTimeout());
        WebClient.Builder client = builder.clone().baseUrl(intake.url().toString())
                .clientConnector(new ReactorClientHttpConnector(http));
        // a client-credentials token of consilium-services on every call, when the services check tokens
        credentials.ifAvailable(filter -> client.filter(filter.function()));
        this.web = client.build();
    }

    public Flux<DataBuffer> content(String caseId, String attachmentId) {
        return web.get().uri("/cases/{caseId}/attachments/{attachmentId}", caseId, attachmentId)
                .retrieve().bodyToFlux(DataBuffer.class);
    }
}
