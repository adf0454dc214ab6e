package org.consilium.notification.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import org.consilium.support.security.Acting;
import reactor.core.publisher.Mono;

/** Emails are only ever sent in answer to commands; operators may resolve UNCONFIRMED ones, bounces are reported in. */
@RestController
@RequestMapping("/deliveries")
public class DeliveryController {
    private final Deliveries deliveries;

    public DeliveryController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    @Operation(summary = "Emails of a case and/or in a state, oldest first, with their state, attempts and last error",
            description = "At least one of caseId and state; e.g. ?state=UNCONFIRMED lists what operators must check.")
    public Flux<DeliveryView> list(@Parameter(description = "the case id") @RequestParam(required = false) String caseId,
                                   @Parameter(description = "only deliveries in this state")
                                   @RequestParam(required = false) DeliveryState state) {
        return deliveries.list(caseId, state).map(DeliveryView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One email, by the id of the command it answers")
    public Mono<DeliveryView> find(@PathVariable String id) {
        return deliveries.find(id).map(DeliveryView::of);
    }

    @PostMapping("/bounces")
    @Operation(summary = "Report a permanent delivery failure (DSN 5.x.x) of one of our emails, by its Message-ID",
            description = "For a DSN processor or a mail provider's bounce webhook. SENT or UNCONFIRMED becomes BOUNCED; "
                    + "reporting the same bounce again changes nothing. 404 for an unknown Message-ID, 409 for an email "
                    + "not sent yet.")
    public Mono<DeliveryView> bounce(@Valid @RequestBody ReportBounce bounce) {
        return deliveries.bounced(bounce).map(DeliveryView::of);
    }

    @PostMapping("/{id}/resolution")
    @Operation(summary = "Resolve an UNCONFIRMED email: it arrived (SENT, no resend) or send it again",
            description = "DELIVERED stores SENT and the delivered event; RESEND makes it due at once for the job "
                    + "that sends deferred emails (claimed before SMTP, so still at most one more email). The "
                    + "reason is kept on the delivery, with the token's user as who resolved it (a resolvedBy naming "
                    + "anyone else: 403 not-yourself). 409 when the delivery is not UNCONFIRMED.")
    public Mono<DeliveryView> resolve(@PathVariable String id, @Valid @RequestBody ResolveDelivery resolution) {
        return Acting.as(resolution.resolvedBy(), "resolvedBy")
                .flatMap(by -> deliveries.resolve(id, resolution, by)).map(DeliveryView::of);
    }
}
