package org.consilium.support.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;

/** A case's audit trail in this service, as a FHIR searchset Bundle of AuditEvents (coordinators and operators). */
@RestController
@Validated
@Tag(name = "audit", description = "Who read, decided or changed what on a case (FHIR AuditEvent)")
public class AuditController {
    private final AuditTrail trail;

    public AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping(path = "/cases/{caseId}/audit", produces = {"application/fhir+json", "application/json"})
    @Operation(summary = "The case's audit trail here, newest first",
            description = "Every read of a document or report, every decision and consent change this service "
                    + "recorded, with who, from where and whether it was refused. `entity` narrows it to one "
                    + "record, e.g. `DocumentReference/<id>`: who opened this pathology report?")
    public Mono<Map<String, Object>> trail(@PathVariable String caseId,
                                           @Parameter(description = "one entity, FHIR reference style")
                                           @RequestParam(required = false) String entity,
                                           @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        return trail.ofCase(caseId, entity, limit).map(AuditEventView::of).collectList()
                .map(events -> Map.of("resourceType", "Bundle", "type", "searchset", "total", events.size(),
                        "entry", events.stream().map(e -> Map.of("resource", e)).toList()));
    }

}
