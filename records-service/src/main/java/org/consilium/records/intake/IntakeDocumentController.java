package org.consilium.records.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.consilium.records.access.RecordsGate;
import org.consilium.records.access.RecordsGate.Entry;
import org.consilium.records.collection.CaseRecordsStore;
import org.consilium.records.intake.OfferedDocument.ImportState;
import org.consilium.support.audit.AuditAction;
import org.consilium.support.problem.DomainProblem;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;

/** The documents that came with a FHIR intake: where each one's import stands, and the coordinator's choice of item. */
@RestController
public class IntakeDocumentController {
    private final ReactiveMongoTemplate mongo;
    private final CaseRecordsStore records;
    private final IntakeDocumentImport imports;
    private final RecordsGate gate;
    private final Clock clock;

    public IntakeDocumentController(ReactiveMongoTemplate mongo, CaseRecordsStore records, IntakeDocumentImport imports,
                                    RecordsGate gate, Clock clock) {
        this.mongo = mongo;
        this.records = records;
        this.imports = imports;
        this.gate = gate;
        this.clock = clock;
    }

    @Schema(name = "IntakeDocumentAssignment")
    public record Assignment(@Schema(description = "the checklist item the document fills", example = "pathology-report")
                             @NotBlank @Size(max = 100) String item) {
    }

    @GetMapping("/cases/{caseId}/intake-documents")
    @Operation(summary = "The documents sent with the case's FHIR intake and where each import stands",
            description = "PENDING (waiting for the checklist or a fetch), IMPORTED (with its item and document id), "
                    + "UNASSIGNED (no code names an item on the checklist: choose one with PUT), REJECTED (with why).")
    @ApiResponse(responseCode = "200", description = "the documents")
    @ApiResponse(responseCode = "404", description = "no documents came with the case's intake",
            content = @Content(mediaType = "application/problem+json"))
    public Mono<IntakeDocuments> documents(@PathVariable String caseId, @Parameter(hidden = true) ServerHttpRequest http) {
        return gate.read(http, caseId, Entry.intakeDocuments(AuditAction.READ, "read", caseId, "documents from the intake"))
                .then(find(caseId));
    }

    @PutMapping("/cases/{caseId}/intake-documents/{attachmentId}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Choose the checklist item of an UNASSIGNED intake document",
            description = "The document is then imported into that item in the background; GET shows when it is IMPORTED.")
    @ApiResponse(responseCode = "202", description = "the documents, this one PENDING again")
    @ApiResponse(responseCode = "400", description = "`item` missing (`validation`) or not on the checklist "
            + "(`unknown-checklist-item`)", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "unknown case, records not requested yet, or unknown document",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "the document is not UNASSIGNED (`not-unassigned`) or the case "
            + "was cancelled (`case-cancelled`)", content = @Content(mediaType = "application/problem+json"))
    public Mono<IntakeDocuments> assign(@PathVariable String caseId, @PathVariable String attachmentId,
                                        @Valid @RequestBody Assignment assignment,
                                        @Parameter(hidden = true) ServerHttpRequest http) {
        String item = assignment.item().trim();
        return Mono.zip(find(caseId), records.get(caseId))
                .flatMap(both -> {
                    both.getT2().checkAccepts(item);
                    OfferedDocument document = both.getT1().documents().stream()
                            .filter(d -> d.attachmentId().equals(attachmentId)).findFirst()
                            .orElseThrow(() -> DomainProblem.notFound("intake document", attachmentId + " of case " + caseId));
                    if (document.state() != ImportState.UNASSIGNED) {
                        throw DomainProblem.conflict("not-unassigned", "intake document " + attachmentId + " is "
                                + document.state() + (document.item() == null ? "" : " (" + document.item() + ")")
                                + "; only an UNASSIGNED document takes an item");
                    }
                    return imports.save(caseId, document.assignedTo(item, clock.instant()))
                            .then(gate.record(http, caseId, Entry.intakeDocuments(AuditAction.EXECUTE, "assignment",
                                    caseId, "intake document " + document.filename() + " (" + attachmentId
                                            + ") assigned to " + item)));
                })
                .then(Mono.fromRunnable(() -> imports.importSoon(caseId)))
                .then(find(caseId));
    }

    private Mono<IntakeDocuments> find(String caseId) {
        return mongo.findById(caseId, IntakeDocuments.class).switchIfEmpty(Mono.error(() ->
                DomainProblem.notFound("intake documents", "of case " + caseId + " (none came with its intake)")));
    }
}
