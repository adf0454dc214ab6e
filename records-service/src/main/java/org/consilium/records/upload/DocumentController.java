package org.consilium.records.upload;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.types.ObjectId;
import org.consilium.records.access.RecordsGate;
import org.consilium.records.access.RecordsGate.Entry;
import org.consilium.records.collection.CaseRecordsStore;
import org.consilium.records.collection.DuplicateDocument;
import org.consilium.records.collection.RecordDocument;
import org.consilium.support.access.CaseAction;
import org.consilium.support.audit.AuditAction;
import org.consilium.support.audit.AuditEntry;
import org.consilium.support.problem.DomainProblem;
import org.consilium.support.problem.ProblemHandlers;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Base64;
import java.util.HexFormat;

@RestController
@Tag(name = "documents", description = "uploads and downloads of a case's documents")
public class DocumentController {
    private static final String PROBLEM = "application/problem+json";

    private final DocumentUploads uploads;
    private final DocumentFiles files;
    private final CaseRecordsStore cases;
    private final RecordsGate gate;

    public DocumentController(DocumentUploads uploads, DocumentFiles files, CaseRecordsStore cases, RecordsGate gate) {
        this.uploads = uploads;
        this.files = files;
        this.cases = cases;
        this.gate = gate;
    }

    @PostMapping(path = "/cases/{caseId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a document for a checklist item",
            description = "multipart/form-data with part `item` (a checklist item code) and optionally `documentDate` "
                    + "(ISO date the document was produced) before part `file`. The file "
                    + "streams into storage while its size and SHA-256 are computed; its content type is detected. "
                    + "When every required item has a document, the case's records are complete.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = UploadForm.class))))
    @ApiResponse(responseCode = "201", description = "stored; Location is the document",
            headers = @Header(name = HttpHeaders.LOCATION, description = "/cases/{caseId}/documents/{documentId}"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RecordDocument.class)))
    @ApiResponse(responseCode = "400", description = "item not on the checklist (the detail names the valid ones), "
            + "a part missing or malformed, an empty file, or a documentDate that is no date or in the future",
            content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "no records are being collected for the case",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "the case was cancelled (`case-cancelled`), or it already has "
            + "this content (`duplicate-document`, with `existingDocumentId`)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "the file is larger than consilium.records.max-document-size",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "an unsafe or unreadable ZIP: too many entries, an entry escaping "
            + "its folder, expanding too far or too many times its size (zip bomb)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public Mono<ResponseEntity<RecordDocument>> upload(@PathVariable String caseId,
                                                       @Parameter(hidden = true) @RequestBody Flux<PartEvent> parts,
                                                       @Parameter(hidden = true) ServerHttpRequest request) {
        // the gate before the body is read: a refused caller's bytes are never stored
        return gate.admit(request, caseId, CaseAction.CONTRIBUTE, uploadEntry(caseId, "document upload"))
                .then(Mono.defer(() -> uploads.upload(caseId, parts, request.getHeaders().getContentLength())))
                .flatMap(document -> gate.record(request, caseId, created(document)).thenReturn(document))
                .map(document -> ResponseEntity.created(UriComponentsBuilder.fromPath("/cases/{caseId}/documents/{id}")
                        .buildAndExpand(caseId, document.id()).encode().toUri()).body(document));
    }

    @GetMapping("/cases/{caseId}/documents/{documentId}")
    @Operation(summary = "Download a document",
            description = "The stored bytes with their detected content type, Content-Length, Content-Disposition "
                    + "attachment, ETag (the SHA-256 in hex) and Repr-Digest (RFC 9530). If-None-Match gives 304.")
    @ApiResponse(responseCode = "200", description = "the document", content = @Content(mediaType = "*/*",
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "no such document for the case",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable String caseId, @PathVariable String documentId,
                                                          @Parameter(hidden = true) ServerHttpRequest request) {
        return gate.admit(request, caseId, CaseAction.VIEW, Entry.document(AuditAction.READ, "read", documentId,
                        "document " + documentId))
                .then(cases.get(caseId))
                .flatMap(records -> Mono.justOrEmpty(records.document(documentId)))
                .filter(document -> ObjectId.isValid(document.id()))
                .switchIfEmpty(Mono.error(() -> DomainProblem.notFound("document", documentId)))
                // on the trail before a byte is served: a failed write fails the download
                .flatMap(document -> gate.record(request, caseId, Entry.document(AuditAction.READ, "read", documentId,
                        document.filename())).thenReturn(document))
                .flatMap(document -> files.find(new ObjectId(document.id()))
                        .switchIfEmpty(Mono.error(() -> new IllegalStateException("document " + documentId
                                + " is attached to case " + caseId + " but its file is missing")))
                        .flatMap(files::open)
                        .map(content -> ResponseEntity.ok().headers(headers(document)).body(content)));
    }

    /** What the trail says of an upload refused at the gate. */
    static AuditEntry uploadEntry(String caseId, String description) {
        return Entry.checklist(AuditAction.CREATE, "upload", caseId, description);
    }

    /** What the trail says of a stored upload: the new document, its file name and item. */
    static AuditEntry created(RecordDocument document) {
        return Entry.document(AuditAction.CREATE, "create", document.id(),
                document.filename() + " (" + document.item() + ")");
    }

    /** 409 duplicate-document, with the id (and item) of the document that already holds the content. */
    @ExceptionHandler(DuplicateDocument.class)
    public ResponseEntity<ProblemDetail> duplicate(DuplicateDocument problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setType(ProblemHandlers.type(problem.slug()));
        body.setTitle(problem.status().getReasonPhrase());
        body.setProperty("existingDocumentId", problem.existingDocumentId());
        body.setProperty("existingItem", problem.existingItem());
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static HttpHeaders headers(RecordDocument document) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(mediaType(document.detectedContentType()));
        headers.setContentLength(document.size());
        headers.set(HttpHeaders.CONTENT_DISPOSITION, FileNames.attachment(document.filename()));
        headers.setETag("\"" + document.sha256() + "\"");
        headers.set("Repr-Digest", "sha-256=:" + Base64.getEncoder()
                .encodeToString(HexFormat.of().parseHex(document.sha256())) + ":");
        headers.set("X-Content-Type-Options", "nosniff");
        return headers;
    }

    private static MediaType mediaType(String type) {
        try {
            return MediaType.parseMediaType(type);
        } catch (RuntimeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
