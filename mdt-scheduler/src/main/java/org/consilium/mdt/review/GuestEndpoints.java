package org.consilium.mdt.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.consilium.mdt.guest.GuestInvitationRequest;
import org.consilium.mdt.guest.GuestView;
import org.consilium.mdt.panel.Panel;
import org.consilium.support.audit.AuditAction;
import org.consilium.support.audit.AuditEntry;
import org.consilium.support.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The coordinator's side of guest specialists: the invitation, and the guest's link revoked or renewed. */
@RestController
@Tag(name = "guest specialists")
class GuestEndpoints {
    private final GuestInvitations invitations;
    private final ReviewGate gate;
    private final Clock clock;

    GuestEndpoints(GuestInvitations invitations, ReviewGate gate, Clock clock) {
        this.invitations = invitations;
        this.gate = gate;
        this.clock = clock;
    }

    /**
     * @param outcome      {@code SCHEDULED} (the panel is complete: the review, the guest's invitation is on its
     *                     way) or {@code PANEL_INCOMPLETE} (still too few can sit: the gap, with the guest kept)
     * @param stillMissing when incomplete, what the panel still lacks, in words
     * @param missing      when incomplete, the disciplines still without an eligible specialist, each with why (the
     *                     next guest's or widening's candidates)
     */
    @Schema(name = "GuestInvited")
    record Invited(GuestView guest, String outcome, ReviewView review, String stillMissing,
                   List<Panel.Uncovered> missing) {
    }

    @Schema(name = "GuestLinkRenewal")
    record LinkRenewal(@Schema(description = "ISO-8601 duration, default P21D, at most P60D") Duration expiresIn) {
    }

    @PostMapping("/reviews/{caseId}/guests")
    @Operation(summary = "A coordinator invites a guest specialist from outside the directory to the panel of a case "
            + "no panel could be composed for, in a missing discipline; the case is re-planned with them (201): "
            + "scheduled, with the guest mailed a signed link, or still incomplete, the guest kept for the next try")
    @ApiResponse(responseCode = "400", description = "invalid fields, all listed (an unknown discipline, a zone, a "
            + "country code); expiresIn not positive or over 60 days (invalid-expires-in)")
    @ApiResponse(responseCode = "404", description = "no such case here")
    @ApiResponse(responseCode = "409", description = "the case already has a review (already-scheduled); the person or "
            + "the discipline already invited (guest-already-invited)")
    @ApiResponse(responseCode = "422", description = "a discipline the case did not ask for (discipline-not-requested) "
            + "or that a directory specialist can fill (discipline-not-missing); not licensed in the patient's country "
            + "(guest-not-licensed); from the patient's treating institution (conflict-of-interest)")
    Mono<ResponseEntity<Invited>> invite(@PathVariable String caseId, @Valid @RequestBody GuestInvitationRequest request,
                                         ServerHttpRequest http) {
        return Caller.current().map(Caller::username).defaultIfEmpty(ReviewEndpoints.NO_TOKEN)
                .flatMap(by -> invitations.invite(caseId, request, by))
                .flatMap(invited -> gate.record(http, caseId, new AuditEntry(AuditAction.CREATE, "guest-invitation",
                        "CareTeam/" + caseId, "guest specialist " + invited.guest().id() + " invited as "
                        + invited.guest().discipline() + " (" + invited.guest().institution() + "; "
                        + invited.guest().reason() + "): " + (invited.review() != null ? "panel scheduled"
                        : "panel still incomplete"))).thenReturn(invited))
                .map(invited -> ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/reviews/" + caseId))
                        .body(new Invited(GuestView.of(invited.guest(), invited.review() != null
                                && GuestBrief.seated(invited.review(), invited.guest()), clock.instant()),
                                invited.review() != null ? "SCHEDULED" : "PANEL_INCOMPLETE",
                                invited.review() == null ? null : ReviewView.of(invited.review()),
                                invited.gap() == null ? null : invited.gap().reason(),
                                invited.gap() == null ? null : invited.gap().uncovered())));
    }

    @DeleteMapping("/reviews/{caseId}/guests/{guestId}/link")
    @Operation(summary = "Revoke a guest's link: from now on it opens nothing (401); the guest keeps the seat until "
            + "swapped, or gets a new link")
    @ApiResponse(responseCode = "204", description = "revoked")
    @ApiResponse(responseCode = "404", description = "no review of the case, or no such guest on it")
    Mono<ResponseEntity<Void>> revoke(@PathVariable String caseId, @PathVariable String guestId, ServerHttpRequest http) {
        return Caller.current().map(Caller::username).defaultIfEmpty(ReviewEndpoints.NO_TOKEN)
                .flatMap(by -> invitations.revokeLink(caseId, guestId, by))
                .flatMap(guest -> gate.record(http, caseId, new AuditEntry(AuditAction.DELETE, "guest-link-revoked",
                        "CareTeam/" + caseId, "link of guest " + guestId + " revoked")))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/reviews/{caseId}/guests/{guestId}/link")
    @Operation(summary = "A new link for a seated guest, mailed to them; their earlier link opens nothing any more")
    @ApiResponse(responseCode = "404", description = "no review of the case, or no such guest on it")
    @ApiResponse(responseCode = "409", description = "the guest does not sit on the panel (guest-not-seated), or the "
            + "review is concluded or cancelled")
    Mono<GuestView> renew(@PathVariable String caseId, @PathVariable String guestId,
                          @RequestBody(required = false) LinkRenewal request, ServerHttpRequest http) {
        return invitations.renewLink(caseId, guestId, request == null ? null : request.expiresIn())
                .flatMap(guest -> gate.record(http, caseId, new AuditEntry(AuditAction.UPDATE, "guest-link-renewed",
                        "CareTeam/" + caseId, "new link for guest " + guestId + " until " + guest.link().expiresAt()))
                        .thenReturn(GuestView.of(guest, true, clock.instant())));
    }
}
