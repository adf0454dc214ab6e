package org.consilium.records.upload;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consilium.records.access.RecordsGate;
import org.consilium.support.access.CaseAction;
import org.consilium.support.problem.DomainProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Resumable uploads, tus 1.0.0 core protocol with the creation and termination extensions
 * (https://tus.io/protocols/resumable-upload). Errors are problem+json like every other endpoint.
 */
@RestController
@Tag(name = "resumable uploads", description = "tus 1.0 resumable uploads (core + creation, termination) for weak links")
public class ResumableUploadController {
    static final String TUS_VERSION = "1.0.0";
    static final String TUS_RESUMABLE = "Tus-Resumable";
    static final String UPLOAD_OFFSET = "Upload-Offset";
    static final String UPLOAD_LENGTH = "Upload-Length";
    static final MediaType OFFSET_OCTET_STREAM = MediaType.parseMediaType("application/offset+octet-stream");
    private static final String PROBLEM = "application/problem+json";
    private static final String UPLOADS = "/cases/{caseId}/uploads";
    private static final String UPLOAD = "/cases/{caseId}/uploads/{uploadId}";

    private final ResumableUploads uploads;
    private final RecordsGate gate;

    public ResumableUploadController(ResumableUploads uploads, RecordsGate gate) {
        this.uploads = uploads;
        this.gate = gate;
    }

    @RequestMapping(path = UPLOADS, method = RequestMethod.OPTIONS)
    @Operation(summary = "tus discovery: version, extensions and the largest upload accepted")
    public ResponseEntity<Void> options(ServerWebExchange exchange) {
        return ResponseEntity.noContent()
                .header(TUS_RESUMABLE, TUS_VERSION)
                .header("Tus-Version", TUS_VERSION)
                .header("Tus-Extension", "creation,termination")
                .header("Tus-Max-Size", String.valueOf(uploads.maxSize()))
                .build();
    }

    @PostMapping(UPLOADS)
    @Operation(summary = "Create a resumable upload",
            description = "Headers `Tus-Resumable: 1.0.0`, `Upload-Length` (bytes) and `Upload-Metadata` with base64 values: "
                    + "`item` and `filename` (required), `documentDate`, `contentType`, `translationOf` (optional). The case, "
                    + "item, date and size are checked before any byte is accepted. No body.")
    @ApiResponse(responseCode = "201", description = "created; `Location` is the upload's URL, `Upload-Offset: 0`")
    @ApiResponse(responseCode = "400", description = "`unknown-checklist-item`, `missing-metadata`, `bad-upload-metadata`, "
            + "`invalid-upload-length`, `invalid-document-date`, `empty-file`, `unknown-original-document`",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "unknown case",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "`case-cancelled`",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "412", description = "`Tus-Resumable` missing or not 1.0.0 (`unsupported-tus-version`)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "`Upload-Length` over the limit (`document-too-large`)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public Mono<ResponseEntity<Void>> create(@PathVariable String caseId, @Parameter(hidden = true) ServerHttpRequest request,
                                             @Parameter(hidden = true) ServerWebExchange exchange) {
        return contribute(exchange, caseId).then(tus(exchange)).then(Mono.defer(() -> uploads.create(caseId, request.getHeaders().getFirst(UPLOAD_LENGTH),
                        request.getHeaders().getFirst("Upload-Metadata"))))
                .map(upload -> ResponseEntity.created(UriComponentsBuilder.fromPath(UPLOAD)
                                .buildAndExpand(caseId, upload.id()).encode().toUri())
                        .header(TUS_RESUMABLE, TUS_VERSION)
                        .header(UPLOAD_OFFSET, "0")
                        .build());
    }

    @RequestMapping(path = UPLOAD, method = RequestMethod.HEAD)
    @Operation(summary = "How far an upload got: `Upload-Offset` (bytes durably stored) and `Upload-Length`")
    @ApiResponse(responseCode = "200", description = "the offset; resume with a PATCH from there")
    @ApiResponse(responseCode = "404", description = "unknown, completed, aborted or expired upload")
    public Mono<ResponseEntity<Void>> head(@PathVariable String caseId, @PathVariable String uploadId,
                                           @Parameter(hidden = true) ServerWebExchange exchange) {
        return contribute(exchange, caseId).then(tus(exchange)).then(Mono.defer(() -> uploads.get(caseId, uploadId)))
                .map(upload -> ResponseEntity.ok()
                        .header(TUS_RESUMABLE, TUS_VERSION)
                        .header(UPLOAD_OFFSET, String.valueOf(upload.offset()))
                        .header(UPLOAD_LENGTH, String.valueOf(upload.length()))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .build());
    }

    @PatchMapping(UPLOAD)
    @Operation(summary = "Append bytes to an upload",
            description = "`Content-Type: application/offset+octet-stream`, `Upload-Offset` = the stored offset (from HEAD), "
                    + "the bytes as body. 204 with the new `Upload-Offset`. The request that completes the upload stores the "
                    + "document (as a multipart upload would) and answers with `Content-Location` naming it.")
    @ApiResponse(responseCode = "204", description = "stored; `Upload-Offset` is the new offset")
    @ApiResponse(responseCode = "400", description = "`invalid-upload-offset`, `upload-length-exceeded`",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "unknown, completed, aborted or expired upload",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "`offset-mismatch` (HEAD gives the offset), `upload-busy`, "
            + "`case-cancelled` (the upload is deleted), on completion `duplicate-document`",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "412", description = "`unsupported-tus-version`",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "415", description = "not `application/offset+octet-stream`",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "on completion, an unsafe archive (as for multipart uploads)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public Mono<ResponseEntity<Void>> patch(@PathVariable String caseId, @PathVariable String uploadId,
                                            @Parameter(hidden = true) ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        return contribute(exchange, caseId).then(tus(exchange)).then(Mono.defer(() -> {
            MediaType type = request.getHeaders().getContentType();
            if (type == null || !OFFSET_OCTET_STREAM.equalsTypeAndSubtype(type)) {
                return Mono.error(new DomainProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                        "a PATCH carries Content-Type: application/offset+octet-stream"));
            }
            long offset = offset(request.getHeaders().getFirst(UPLOAD_OFFSET));
            return uploads.append(caseId, uploadId, offset, request.getHeaders().getContentLength(), request.getBody());
        })).flatMap(progress -> progress.document() == null ? Mono.just(progress)
                : gate.record(request, caseId, DocumentController.created(progress.document())).thenReturn(progress)
        ).map(progress -> {
            ResponseEntity.HeadersBuilder<?> response = ResponseEntity.noContent()
                    .header(TUS_RESUMABLE, TUS_VERSION)
                    .header(UPLOAD_OFFSET, String.valueOf(progress.offset()));
            if (progress.document() != null) {
                response.header(HttpHeaders.CONTENT_LOCATION, UriComponentsBuilder.fromPath("/cases/{caseId}/documents/{id}")
                        .buildAndExpand(caseId, progress.document().id()).encode().toUriString());
                response.header("Document-Id", progress.document().id());
            }
            return response.build();
        });
    }

    @DeleteMapping(UPLOAD)
    @Operation(summary = "Abort an upload (tus termination): the bytes received so far are deleted")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ApiResponse(responseCode = "404", description = "unknown, completed, aborted or expired upload",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public Mono<ResponseEntity<Void>> delete(@PathVariable String caseId, @PathVariable String uploadId,
                                             @Parameter(hidden = true) ServerWebExchange exchange) {
        return contribute(exchange, caseId).then(tus(exchange)).then(Mono.defer(() -> uploads.abort(caseId, uploadId)))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().header(TUS_RESUMABLE, TUS_VERSION).<Void>build()));
    }

    /** Whether the caller may add to the case (an upload link: its own case), before anything else is looked at. */
    private Mono<Void> contribute(ServerWebExchange exchange, String caseId) {
        return gate.admit(exchange.getRequest(), caseId, CaseAction.CONTRIBUTE,
                DocumentController.uploadEntry(caseId, "resumable upload"));
    }

    /** Every request but OPTIONS names the protocol version: 412 (with the versions served) otherwise. */
    private static Mono<Void> tus(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(TUS_RESUMABLE, TUS_VERSION);
        String version = exchange.getRequest().getHeaders().getFirst(TUS_RESUMABLE);
        if (!TUS_VERSION.equals(version == null ? null : version.trim())) {
            exchange.getResponse().getHeaders().set("Tus-Version", TUS_VERSION);
            return Mono.error(new DomainProblem(HttpStatus.PRECONDITION_FAILED, "unsupported-tus-version",
                    "Tus-Resumable must be " + TUS_VERSION + " (got " + version + ")"));
        }
        return Mono.empty();
    }

    private static long offset(String header) {
        try {
            long offset = Long.parseLong(header == null ? "" : header.trim());
            if (offset < 0) {
                throw new NumberFormatException();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw DomainProblem.badRequest("invalid-upload-offset", "Upload-Offset '" + header
                    + "' must be the non-negative offset HEAD reported");
        }
    }
}
