package org.consilium.records.link;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.consilium.records.access.RecordsGate;
import org.consilium.records.access.RecordsGate.Entry;
import org.consilium.records.checklist.ItemCategory;
import org.consilium.records.collection.CaseRecords;
import org.consilium.records.collection.CaseRecordsStore;
import org.consilium.records.collection.RecordsView.ItemStatus;
import org.consilium.support.audit.AuditAction;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the holder of an upload link (a treating doctor without an account) may read: which of the case's items are
 * still missing or too old, and until when the link works. Nothing else of the case: no name, no documents, no
 * question; the console's upload page ({@code /upload/<token>}) is drawn from this alone.
 */
@RestController
@Tag(name = "upload links")
public class LinkChecklistController {
    static final String PATH = "/upload-link/checklist";
    private final CaseRecordsStore store;
    private final UploadLinks links;
    private final RecordsGate gate;
    private final Clock clock;

    public LinkChecklistController(CaseRecordsStore store, UploadLinks links, RecordsGate gate, Clock clock) {
        this.store = store;
        this.links = links;
        this.gate = gate;
        this.clock = clock;
    }

    /** One item still wanted: MISSING (nothing yet) or STALE (only documents older than {@code recencyDays}). */
    public record WantedItem(String code, String title, ItemCategory category, boolean required, ItemStatus status,
                             Integer recencyDays) {
    }

    /** @param label who the link is for, as its maker wrote it ("Dr Tan, Mercy Hospital") */
    public record LinkChecklist(String caseId, String label, Instant expiresAt, List<WantedItem> items) {
    }

    @GetMapping(PATH)
    @Operation(summary = "For an upload link only (header `Upload-Link`): the case's items still missing or stale, and "
            + "the link's expiry; no other data of the case")
    @ApiResponse(responseCode = "200", description = "the wanted items in checklist order (empty: nothing is missing)")
    @ApiResponse(responseCode = "401", description = "`invalid-upload-link`: altered, expired, revoked or unknown",
            content = @Content(mediaType = "application/problem+json"))
    public Mono<LinkChecklist> checklist(@Parameter(hidden = true) ServerHttpRequest http) {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> (JwtAuthenticationToken) context.getAuthentication())
                .flatMap(token -> {
                    String caseId = token.getToken().getClaimAsString(UploadLinkGrant.CASE_CLAIM);
                    String linkId = token.getToken().getClaimAsString(UploadLinkGrant.LINK_CLAIM);
                    LocalDate today = CaseRecords.today(clock.instant());
                    return links.find(linkId).zipWith(store.get(caseId)).flatMap(found -> gate.record(http, caseId,
                                    Entry.checklist(AuditAction.READ, "read", caseId, "missing items, through upload link "
                                            + linkId))
                            .thenReturn(new LinkChecklist(caseId, found.getT1().label(), found.getT1().expiresAt(),
                                    found.getT2().items().stream()
                                            .filter(item -> !item.satisfied(today))
                                            .map(item -> new WantedItem(item.code(), item.title(), item.category(),
                                                    item.required(), item.status(today), item.recencyDays()))
                                            .toList())));
                });
    }
}
