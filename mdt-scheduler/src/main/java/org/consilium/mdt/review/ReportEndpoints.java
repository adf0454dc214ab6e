package org.consilium.mdt.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "reports")
class ReportEndpoints {
    static final MediaType FHIR_JSON = MediaType.valueOf("application/fhir+json");
    private final ReportDesk desk;

    ReportEndpoints(ReportDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/reviews/{caseId}/report")
    @Operation(summary = "The report of a concluded review: the current version, its QA state and every version")
    @ApiResponse(responseCode = "404", description = "no review for the case")
    @ApiResponse(responseCode = "409", description = "the panel has not concluded yet (review-not-concluded)")
    Mono<ReportView> report(@PathVariable String caseId) {
        return desk.report(caseId);
    }

    @PutMapping("/reviews/{caseId}/report")
    @Operation(summary = "A coordinator's edit: the whole content of a new version, with editor and reason; "
            + "withdraws an earlier approval")
    @ApiResponse(responseCode = "400", description = "invalid fields, all listed")
    @ApiResponse(responseCode = "404", description = "no review for the case")
    @ApiResponse(responseCode = "409", description = "not concluded yet (review-not-concluded), released "
            + "(report-released), nothing changed (report-unchanged), or based on an older version (stale-report-version)")
    Mono<ReportView> revise(@PathVariable String caseId, @Valid @RequestBody ReportRevisionRequest request) {
        return desk.revise(caseId, request);
    }

    @PostMapping("/reviews/{caseId}/report/approve")
    @Operation(summary = "A coordinator approves the current version")
    @ApiResponse(responseCode = "400", description = "invalid fields, all listed")
    @ApiResponse(responseCode = "404", description = "no review for the case")
    @ApiResponse(responseCode = "409", description = "not concluded yet, already approved (already-approved), or "
            + "released (report-released)")
    Mono<ReportView> approve(@PathVariable String caseId, @Valid @RequestBody CoordinatorRequest request) {
        return desk.approve(caseId, request);
    }

    @PostMapping("/reviews/{caseId}/report/release")
    @Operation(summary = "A coordinator releases the approved current version; no edits after that")
    @ApiResponse(responseCode = "400", description = "invalid fields, all listed")
    @ApiResponse(responseCode = "404", description = "no review for the case")
    @ApiResponse(responseCode = "409", description = "not concluded yet, not approved (report-not-approved), or "
            + "already released (report-released)")
    Mono<ReportView> release(@PathVariable String caseId, @Valid @RequestBody CoordinatorRequest request) {
        return desk.release(caseId, request);
    }

    @GetMapping("/reviews/{caseId}/report/composition")
    @Operation(summary = "The current version as a FHIR R4 Composition (application/fhir+json)")
    @ApiResponse(responseCode = "404", description = "no review for the case")
    @ApiResponse(responseCode = "409", description = "the panel has not concluded yet (review-not-concluded)")
    Mono<ResponseEntity<ObjectNode>> composition(@PathVariable String caseId) {
        return desk.composition(caseId).map(c -> ResponseEntity.ok().contentType(FHIR_JSON).body(c));
    }
}
