package org.consilium.notification.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Read-only: emails are only ever sent in answer to commands. */
@RestController
@RequestMapping("/deliveries")
public class DeliveryController {
    private final Deliveries deliveries;

    public DeliveryController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    @Operation(summary = "The emails of a case, oldest first, with their state, attempts and last error")
    public Flux<DeliveryView> ofCase(@Parameter(description = "the case id") @RequestParam String caseId) {
        return deliveries.ofCase(caseId).map(DeliveryView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One email, by the id of the command it answers")
    public Mono<DeliveryView> find(@PathVariable String id) {
        return deliveries.find(id).map(DeliveryView::of);
    }
}
