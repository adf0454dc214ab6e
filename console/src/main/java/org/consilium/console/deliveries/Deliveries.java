package org.consilium.console.deliveries;

import java.util.List;
import java.util.Map;

import org.consilium.console.services.ServiceClients.Notification;
import org.consilium.console.work.WorkSource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * notification-service's emails, with the coordinator's token: the unconfirmed ones on the worklist, every email of a
 * case on its page, and an operator's resolution of an unconfirmed one.
 */
@Component
public class Deliveries implements WorkSource {
    private final Notification notification;

    Deliveries(Notification notification) {
        this.notification = notification;
    }

    @Override
    public String name() {
        return "deliveries";
    }

    @Override
    public String service() {
        return "notification-service";
    }

    @Override
    public Mono<List<Delivery>> waiting() {
        return notification.client().get().uri(uri -> uri.path("/deliveries").queryParam("state", "UNCONFIRMED").build())
                .retrieve().bodyToFlux(Delivery.class).collectList();
    }

    /** Every email of the case, oldest first. */
    public Mono<List<Delivery>> ofCase(String caseId) {
        return notification.client().get().uri(uri -> uri.path("/deliveries").queryParam("caseId", "{id}").build(caseId))
                .retrieve().bodyToFlux(Delivery.class).collectList();
    }

    /** {@code DELIVERED} (the mail log or the recipient says it arrived) or {@code RESEND}; the reason is kept. */
    Mono<Void> resolve(String deliveryId, String outcome, String reason, String username) {
        return notification.client().post().uri("/deliveries/{id}/resolution", deliveryId)
                .bodyValue(Map.of("outcome", outcome == null ? "" : outcome, "reason", reason == null ? "" : reason,
                        "resolvedBy", username))
                .retrieve().toBodilessEntity().then();
    }
}
