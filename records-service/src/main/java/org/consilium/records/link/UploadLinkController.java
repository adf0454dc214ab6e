package org.consilium.records.link;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.consilium.records.access.RecordsGate;
import org.consilium.records.access.RecordsGate.Entry;
import org.consilium.support.audit.AuditAction;
import org.consilium.support.audit.AuditEntry;
import org.consilium.support.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Signed upload links: a current doctor without an account gets a link that lets them add
 * documents to this one case, and nothing else, until it expires or is revoked.
 */
@RestController
@Tag(name = "upload links", description = "signed links that let someone without an account upload to one case")
public class UploadLinkController {
    private static final String PROBLEM = "application/problem+json";
    private final UploadLinks links;
    private final RecordsGate gate;
    private final Clock clock;

    public UploadLinkController(UploadLinks links, RecordsGate gate, Clock clock) {
        this.links = links;
        this.gate = gate;
        this.clock = clock;
    }

    @Schema(name = "UploadLinkRequest")
    public record LinkRequest(@Schema(description = "who the link is for", example = "Dr Tan, Mercy Hospital")
                              @NotBlank @Size(max = 200) String label,
                              @Schema(description = "ISO-8601 duration, default P7D, at most P30D", example = "P7D")
                              Duration expiresIn) {
    }

    /** A link as listed: never its token. */
    @Schema(name = "UploadLink")
    public record LinkView(String id, String label, String state, String createdBy, Instant createdAt,
                           Instant expiresAt, Instant revokedAt, String revokedBy) {
        static LinkView of(UploadLink link, Instant now) {
            return new LinkView(link.id(), link.label(), link.state(now).name(), link.createdBy(), link.createdAt(),
                    link.expiresAt(), link.revokedAt(), link.revokedBy());
        }
    }

    @PostMapping("/cases/{caseId}/upload-links")
    @Operation(summary = "Make a signed upload link for the case",
            description = "For a coordinator or the case's patient or caregiver. The answer carries the token (shown this "
                    + "once) and a url with it as `?link=`; the holder may upload documents to this case only (send it as "
                    + "header `Upload-Link` or query parameter `link`, without a bearer token).")
    @ApiResponse(responseCode = "201", description = "`{id, url, token, expiresAt, label}`")
    @ApiResponse(responseCode = "400", description = "`validation` (label), `invalid-expires-in` (not positive, over 30 days)",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "not the case's patient, caregiver or a coordinator (`not-your-case`)",
            content = @Content(mediaType = PROBLEM))
    public Mono<ResponseEntity<UploadLinks.IssuedLink>> create(@PathVariable String caseId,
                                                               @Valid @RequestBody LinkRequest request,
                                                               @Parameter(hidden = true) ServerHttpRequest http) {
        return gate.admitPatientSide(http, caseId, Entry.uploadLink(AuditAction.CREATE, "create", "new", "upload link"))
                .then(username())
                .flatMap(by -> links.create(caseId, request.label(), request.expiresIn(), by))
                .flatMap(link -> gate.record(http, caseId, Entry.uploadLink(AuditAction.CREATE, "create", link.id(),
                                "upload link for " + link.label() + " until " + link.expiresAt()))
                        .thenReturn(ResponseEntity.created(UriComponentsBuilder.fromPath("/cases/{caseId}/upload-links/{id}")
                                .buildAndExpand(caseId, link.id()).encode().toUri()).body(link)));
    }

    @GetMapping("/cases/{caseId}/upload-links")
    @Operation(summary = "The case's upload links (never their tokens), oldest first, with state ACTIVE, EXPIRED or REVOKED")
    public Mono<List<LinkView>> list(@PathVariable String caseId, @Parameter(hidden = true) ServerHttpRequest http) {
        Instant now = clock.instant();
        return gate.admitPatientSide(http, caseId, Entry.uploadLink(AuditAction.READ, "read", caseId, "upload links"))
                .then(links.list(caseId).map(link -> LinkView.of(link, now)).collectList());
    }

    @DeleteMapping("/cases/{caseId}/upload-links/{linkId}")
    @Operation(summary = "Revoke an upload link: from now on it opens nothing (401)")
    @ApiResponse(responseCode = "204", description = "revoked")
    @ApiResponse(responseCode = "404", description = "no such link of the case", content = @Content(mediaType = PROBLEM))
    public Mono<ResponseEntity<Void>> revoke(@PathVariable String caseId, @PathVariable String linkId,
                                             @Parameter(hidden = true) ServerHttpRequest http) {
        AuditEntry entry = Entry.uploadLink(AuditAction.DELETE, "revoke", linkId, "upload link revoked");
        return gate.admitPatientSide(http, caseId, entry)
                .then(username())
                .flatMap(by -> links.revoke(caseId, linkId, by))
                .flatMap(link -> gate.record(http, caseId, entry))
                .thenReturn(ResponseEntity.noContent().build());
    }

    private static Mono<String> username() {
        return Caller.current().map(Caller::username).defaultIfEmpty("anonymous");
    }
}
