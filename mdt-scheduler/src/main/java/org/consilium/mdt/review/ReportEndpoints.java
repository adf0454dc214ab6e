package org.consilium.mdt.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.consilium.support.access.CaseAction;
import org.consilium.support.audit.AuditAction;
import org.consilium.support.audit.AuditEntry;
import org.consilium.support.problem.DomainProblem;
import org.consilium.support.security.Acting;
import org.consilium.mdt.review.ReviewGate.Entry;
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
    private final ReviewGate gate;

    ReportEndpoints(ReportDesk desk, ReviewGate gate) {
        this.desk = desk;
        this.gate = gate;
    }

    @GetMapping("/reviews/{caseId}/report")
    @Operation(summary = "The report of a concluded review: the current version, its QA state and every version")
    @ApiResponse(responseCode = "404", description = "no review for the case")
    @ApiResponse(responseCode = "409", description = "the panel has not concluded yet (review-not-concluded)")
    Mono<ReportView> report(@PathVariable String caseId, ServerHttpRequest http) {
        AuditEntry entry = Entry.report(AuditAction.READ, "report", caseId, "the report");
        return gate.admit(http, caseId, CaseAction.READ_REPORT, entry).map(ReportDesk::report)
                .flatMap(view -> gate.record(http, caseId, entry.describedAs("the report, version "
                        + view.current().number() + " (" + view.status() + ")")).thenReturn(view));
    }

    @PutMapping("/reviews/{caseId}/report")
    @Operation(summary = "A coordinator's edit: the whole content of a new version, with editor and reason; "
            + "withdraws an earlier approval")
    @ApiResponse(responseCode = "400", description = "invalid fields, all listed")
    @ApiResponse(responseCode = "403", description = "the body names someone other than the token's user (not-yourself)")
    @ApiResponse(responseCode = "404", description = "no review for the case")
    @ApiResponse(responseCode = "409", description = "not concluded yet (review-not-concluded), released "
            + "(report-released), nothing changed (report-unchanged), or based on an older version (stale-report-version)")
    Mono<ReportView> revise(@PathVariable String caseId, @Valid @RequestBody ReportRevisionRequest request,
                            ServerHttpRequest http) {
        AuditEntry entry = Entry.report(AuditAction.UPDATE, "report-edit", caseId, "an edit of the report");
        return actor(http, caseId, request.editor(), "editor", entry).flatMap(editor -> desk.revise(caseId, request, editor)
                .flatMap(view -> decided(http, caseId, AuditAction.UPDATE, "report-edit",
                        "version " + view.current().number() + " by " + editor + ": " + request.reason(), view)));
    }

    @PostMapping("/reviews/{caseId}/report/approve")
    @Operation(summary = "A coordinator approves the current version")
    @ApiResponse(responseCode = "400", description = "invalid fields, all listed")
    @ApiResponse(responseCode = "403", description = "the body names someone other than the token's user (not-yourself)")
    @ApiResponse(responseCode = "404", description = "no review for the case")
    @ApiResponse(responseCode = "409", description = "not concluded yet, already approved (already-approved), or "
            + "released (report-released)")
    Mono<ReportView> approve(@PathVariable String caseId, @Valid @RequestBody CoordinatorRequest request,
                               ServerHttpRequest http) {
        AuditEntry entry = Entry.report(AuditAction.EXECUTE, "report-approval", caseId, "the report's approval");
        return actor(http, caseId, request.coordinator(), "coordinator", entry).flatMap(by -> desk.approve(caseId, request, by)
                .flatMap(view -> decided(http, caseId, AuditAction.EXECUTE, "report-approval",
                        "version " + view.approvedVersion() + " approved by " + by, view)));
    }

    @PostMapping("/reviews/{caseId}/report/release")
    @Operation(summary = "A coordinator releases the approved current version; no edits after that")
    @ApiResponse(responseCode = "400", description = "invalid fields, all listed")
    @ApiResponse(responseCode = "403", description = "the body names someone other than the token's user (not-yourself)")
    @ApiResponse(responseCode = "404", description = "no review for the case")
    @ApiResponse(responseCode = "409", description = "not concluded yet, not approved (report-not-approved), or "
            + "already released (report-released)")
    Mono<ReportView> release(@PathVariable String caseId, @Valid @RequestBody CoordinatorRequest request,
                               ServerHttpRequest http) {
        AuditEntry entry = Entry.report(AuditAction.EXECUTE, "report-release", caseId, "the report's release");
        return actor(http, caseId, request.coordinator(), "coordinator", entry).flatMap(by -> desk.release(caseId, request, by)
                .flatMap(view -> decided(http, caseId, AuditAction.EXECUTE, "report-release",
                        "version " + view.current().number() + " released by " + by, view)));
    }

    @GetMapping("/reviews/{caseId}/report/composition")
    @Operation(summary = "The current version as a FHIR R4 Composition (application/fhir+json)")
    @ApiResponse(responseCode = "404", description = "no review for the case")
    @ApiResponse(responseCode = "409", description = "the panel has not concluded yet (review-not-concluded)")
    Mono<ResponseEntity<ObjectNode>> composition(@PathVariable String caseId, ServerHttpRequest http) {
        AuditEntry entry = Entry.report(AuditAction.READ, "composition", caseId, "the report as a FHIR Composition");
        return gate.admit(http, caseId, CaseAction.READ_REPORT, entry).map(ReportDesk::composition)
                .flatMap(c -> gate.record(http, caseId, entry.describedAs("the report as a FHIR Composition, version "
                        + c.path("meta").path("versionId").asText())).thenReturn(c))
                .map(c -> ResponseEntity.ok().contentType(FHIR_JSON).body(c));
    }

    /** Who edits, approves or releases ({@link Acting}); a body naming anyone else is refused and on the trail. */
    private Mono<String> actor(ServerHttpRequest http, String caseId, String named, String field, AuditEntry entry) {
        return Acting.as(named, field).onErrorResume(DomainProblem.class, problem -> gate.refuse(http, caseId, entry, problem));
    }

    /** A decision on the report, on the trail once it is stored. */
    private Mono<ReportView> decided(ServerHttpRequest http, String caseId, AuditAction action, String subtype,
                                     String description, ReportView view) {
        return gate.record(http, caseId, Entry.report(action, subtype, caseId, description)).thenReturn(view);
    }
}
