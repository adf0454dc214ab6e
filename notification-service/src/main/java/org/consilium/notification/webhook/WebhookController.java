package org.consilium.notification.webhook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;

/** The webhook subscription registry and what was posted to whom. Secrets go in, never out. */
@RestController
public class WebhookController {
    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/webhooks")
    @Operation(summary = "Subscribe a URL to every notification, posted as signed JSON",
            description = "The secret (16-256 characters) keys the HMAC-SHA256 signature; it is never returned. "
                    + "See the README for the headers and how to verify them.")
    public Mono<ResponseEntity<WebhookSubscriptionView>> register(@Valid @RequestBody RegisterWebhook request) {
        return webhooks.register(request).map(s -> ResponseEntity.created(URI.create("/webhooks/" + s.id()))
                .body(WebhookSubscriptionView.of(s)));
    }

    @GetMapping("/webhooks")
    @Operation(summary = "Every subscription, oldest first (without secrets)")
    public Flux<WebhookSubscriptionView> subscriptions() {
        return webhooks.subscriptions().map(WebhookSubscriptionView::of);
    }

    @GetMapping("/webhooks/{id}")
    @Operation(summary = "One subscription (without its secret)")
    public Mono<WebhookSubscriptionView> subscription(@PathVariable String id) {
        return webhooks.subscription(id).map(WebhookSubscriptionView::of);
    }

    @DeleteMapping("/webhooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unsubscribe; posts still pending to it are cancelled")
    public Mono<Void> unsubscribe(@PathVariable String id) {
        return webhooks.unsubscribe(id);
    }

    @GetMapping("/webhook-deliveries")
    @Operation(summary = "Webhook posts by case, subscription and/or state, oldest first, with attempts and last error",
            description = "At least one filter; e.g. ?state=FAILED lists the posts that were given up.")
    public Flux<WebhookDeliveryView> deliveries(@Parameter(description = "the case id") @RequestParam(required = false) String caseId,
                                                @RequestParam(required = false) String subscriptionId,
                                                @RequestParam(required = false) WebhookState state) {
        return webhooks.deliveries(caseId, subscriptionId, state).map(WebhookDeliveryView::of);
    }
}
