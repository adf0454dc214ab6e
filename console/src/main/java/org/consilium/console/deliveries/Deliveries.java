package org.consilium.console.deliveries;

import java.util.List;
import java.util.Map;

import org.consilium.console.services.ServiceClients.Notification;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** notification-service's unconfirmed emails, and an operator's resolution of one, with the coordinator's token. */
@Component
public class Deliveries {
    private final Notification notification;

    Deliveries(Notification notification) {
        this.notification = notification;
    }

    public Mono<List<UnconfirmedDelivery>> unconfirmed() {
        return notification.client().get().uri(uri -> uri.path("/deliveries").queryParam("state", "UNCONFIRMED").build())
                .retrieve().bodyToFlux(UnconfirmedDelivery.class).collectList();
    }

    /** {@code DELIVERED} (the mail log or the recipient says it arrived) or {@code RESEND}; the reason is kept. */
    Mono<Void> resolve(String deliveryId, String outcome, String reason, String username) {
        return notification.client().post().uri("/deliveries/{id}/resolution", deliveryId)
                .bodyValue(Map.of("outcome", outcome == null ? "" : outcome, "reason", reason == null ? "" : reason,
                        "resolvedBy", username))
                .retrieve().toBodilessEntity().then();
    }
}
