package org.consilium.records.collection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.consilium.records.access.RecordsGate;
import org.consilium.records.access.RecordsGate.Entry;
import org.consilium.support.audit.AuditAction;
import org.consilium.support.security.Acting;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

@RestController
@Tag(name = "records", description = "the records checklist of a case")
public class RecordsController {
    private static final String PROBLEM = "application/problem+json";
    private final CaseRecordsStore store;
    private final RecordsGate gate;
    private final Clock clock;

    public RecordsController(CaseRecordsStore store, RecordsGate gate, Clock clock) {
        this.store = store;
        this.gate = gate;
        this.clock = clock;
    }

    @GetMapping("/cases/{caseId}/records")
    @Operation(summary = "The case's checklist: each item with its status (MISSING, RECEIVED, STALE with why, WAIVED), "
            + "documents and waiver; the override; DICOM studies; the case status and counts")
    @ApiResponse(responseCode = "200", description = "the checklist")
    @ApiResponse(responseCode = "404", description = "no records are being collected for the case",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public Mono<RecordsView> records(@PathVariable String caseId, @Parameter(hidden = true) ServerHttpRequest http) {
        return gate.read(http, caseId, Entry.checklist(AuditAction.READ, "read", caseId, "records checklist"))
                .then(store.get(caseId)).map(r -> RecordsView.of(r, clock.instant()));
    }

    @PostMapping("/cases/{caseId}/records/items/{code}/waiver")
    @Operation(summary = "Waive a checklist item",
            description = "A coordinator decides the panel can do without the item (or without a fresh one): it counts "
                    + "as satisfied. Who, when and why are recorded and shown. May complete the records.")
    @ApiResponse(responseCode = "200", description = "the checklist after the waiver")
    @ApiResponse(responseCode = "400", description = "`reason` missing or blank (problem `validation`)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "`by` names someone other than the token's user (`not-yourself`)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "unknown case or item not on its checklist",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "case cancelled (`case-cancelled`), records already complete "
            + "(`records-complete`), or the item is waived already (`item-already-waived`)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public Mono<RecordsView> waive(@PathVariable String caseId, @PathVariable String code,
                                   @Valid @RequestBody DecisionRequest request,
                                   @Parameter(hidden = true) ServerHttpRequest http) {
        Instant now = now();
        return decision(request, now)
                .flatMap(decision -> store.change(caseId, r -> r.waive(code, decision, now))
                        .flatMap(r -> gate.record(http, caseId, Entry.checklist(AuditAction.EXECUTE, "waiver", caseId,
                                "item " + code + " waived: " + decision.reason())).thenReturn(r)))
                .map(r -> RecordsView.of(r, now));
    }

    @PostMapping("/cases/{caseId}/records/override")
    @Operation(summary = "Override completeness",
            description = "A coordinator declares the records complete as they are: RecordsCompleted is published now. "
                    + "Who, when and why are recorded and shown.")
    @ApiResponse(responseCode = "200", description = "the checklist, now COMPLETE")
    @ApiResponse(responseCode = "400", description = "`reason` missing or blank (problem `validation`)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "`by` names someone other than the token's user (`not-yourself`)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "unknown case",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "case cancelled (`case-cancelled`) or already complete "
            + "(`records-complete`)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public Mono<RecordsView> override(@PathVariable String caseId, @Valid @RequestBody DecisionRequest request,
                                      @Parameter(hidden = true) ServerHttpRequest http) {
        Instant now = now();
        return decision(request, now)
                .flatMap(decision -> store.change(caseId, r -> r.overrideCompleteness(decision, now))
                        .flatMap(r -> gate.record(http, caseId, Entry.checklist(AuditAction.EXECUTE, "override", caseId,
                                "completeness overridden: " + decision.reason())).thenReturn(r)))
                .map(r -> RecordsView.of(r, now));
    }

    @PostMapping("/cases/{caseId}/documents/{documentId}/translation-needed")
    @Operation(summary = "Mark a document as needing translation",
            description = "The document must be translated into `language`; the checklist shows `translationNeeded` on it "
                    + "until a document uploaded with `translationOf` = this document's id is linked as its translation.")
    @ApiResponse(responseCode = "200", description = "the document, marked")
    @ApiResponse(responseCode = "400", description = "`language` missing or not a language tag (problem `validation`)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "unknown case or document",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "case cancelled (`case-cancelled`)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public Mono<RecordDocument> translationNeeded(@PathVariable String caseId, @PathVariable String documentId,
                                                  @Valid @RequestBody TranslationRequest request,
                                                  @Parameter(hidden = true) ServerHttpRequest http) {
        String language = request.language().trim();
        return store.change(caseId, r -> r.needTranslation(documentId, language))
                .map(r -> r.document(documentId).orElseThrow())
                .flatMap(document -> gate.record(http, caseId, Entry.document(AuditAction.UPDATE, "translation-needed",
                        documentId, document.filename() + ": translation into " + language + " needed"))
                        .thenReturn(document));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS); // as MongoDB stores it
    }

    /** Who decided is the token's user ({@link Acting}): a {@code by} naming anyone else is 403 not-yourself. */
    private static Mono<CoordinatorDecision> decision(DecisionRequest request, Instant now) {
        return Acting.as(request.by(), "by").map(by -> new CoordinatorDecision(by, request.reason().trim(), now));
    }
}
