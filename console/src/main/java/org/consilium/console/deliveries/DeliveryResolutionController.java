package org.consilium.console.deliveries;

import org.consilium.console.pages.BackTo;
import org.consilium.console.signin.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** An unconfirmed email settled from the worklist: delivered, or sent again; the reason is kept with the decision. */
@Controller
class DeliveryResolutionController {
    private final Deliveries deliveries;

    DeliveryResolutionController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @PostMapping("/deliveries/{deliveryId}/resolution")
    Mono<String> resolve(@PathVariable String deliveryId, Authentication authentication, ServerWebExchange exchange) {
        String username = SignedInUser.of(authentication).username();
        return exchange.getFormData().flatMap(form -> BackTo.after(form,
                deliveries.resolve(deliveryId, form.getFirst("outcome"), form.getFirst("reason"), username),
                "RESEND".equals(form.getFirst("outcome")) ? "the email will be sent again" : "the email is recorded as delivered"));
    }
}
