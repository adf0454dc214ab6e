package org.consilium.console.casepage;

import org.consilium.console.cases.IntakeCases;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** The case's audit trail, all services joined; {@code entity} narrows it to one record ("who opened this report?"). */
@Controller
class AuditTrailController {
    private final AuditTrail trail;
    private final IntakeCases intake;

    AuditTrailController(AuditTrail trail, IntakeCases intake) {
        this.trail = trail;
        this.intake = intake;
    }

    @GetMapping("/cases/{caseId}/audit")
    Mono<Rendering> audit(@PathVariable String caseId, @RequestParam(required = false) String entity,
                          java.util.Locale locale) {
        String narrowed = entity == null || entity.isBlank() ? null : entity;
        return Mono.zip(intake.header(caseId), trail.of(caseId, narrowed, org.consilium.console.language.StaffWords.in(locale)))
                .map(found -> Rendering.view("audit")
                        .modelAttribute("caseFile", found.getT1())
                        .modelAttribute("trail", found.getT2())
                        .modelAttribute("entity", narrowed == null ? "" : narrowed)
                        .build());
    }
}
