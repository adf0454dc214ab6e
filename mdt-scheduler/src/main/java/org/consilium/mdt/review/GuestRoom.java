package org.consilium.mdt.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.consilium.mdt.guest.Guest;
import org.consilium.mdt.guest.GuestLinkGrant;
import org.consilium.mdt.guest.GuestLinks;
import org.consilium.support.audit.AuditAction;
import org.consilium.support.audit.AuditEntry;
import org.consilium.support.problem.DomainProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * The guest specialist's side, through their link only ({@code guest.GuestLinkSecurity} admits nothing else here,
 * and a bearer token is refused these paths): the case's brief, and their own opinion, which the chair's consensus
 * then awaits and counts like any member's. Every read and opinion is on the case's audit trail under the guest's id.
 */
@RestController
@Tag(name = "guest specialists")
class GuestRoom {
    private final ReviewRepository reviews;
    private final PanelDeliberation deliberation;
    private final GuestLinks links;
    private final ReviewGate gate;

    GuestRoom(ReviewRepository reviews, PanelDeliberation deliberation, GuestLinks links, ReviewGate gate) {
        this.reviews = reviews;
        this.deliberation = deliberation;
        this.links = links;
        this.gate = gate;
    }

    @GetMapping("/reviews/{caseId}/guest")
    @Operation(summary = "A guest specialist's brief of the case, through their signed link (the mailed address)")
    @Parameter(name = GuestLinks.PARAMETER, in = ParameterIn.QUERY, description = "the link's token (or header "
            + GuestLinks.HEADER + "); no bearer token")
    @ApiResponse(responseCode = "401", description = "a link that is expired, revoked, replaced, altered or foreign "
            + "(invalid-guest-link)")
    @ApiResponse(responseCode = "403", description = "another case's link, or the review is closed (not-your-case)")
    Mono<GuestBrief> brief(@PathVariable String caseId, ServerHttpRequest http) {
        AuditEntry entry = ReviewGate.Entry.review(AuditAction.READ, "guest-brief", caseId, "the brief, through a "
                + "guest specialist's link");
        return admit(http, caseId)
                .flatMap(seat -> gate.record(http, caseId, entry).thenReturn(GuestBrief.of(seat.review(), seat.guest())));
    }

    @PostMapping("/reviews/{caseId}/guest/opinion")
    @Operation(summary = "A guest specialist's individual opinion, through their link; 201 when first given, 200 when "
            + "it replaces their earlier one")
    @ApiResponse(responseCode = "400", description = "invalid fields, all listed")
    @ApiResponse(responseCode = "401", description = "no valid link (invalid-guest-link)")
    @ApiResponse(responseCode = "403", description = "another case's link, or the review is closed (not-your-case)")
    @ApiResponse(responseCode = "409", description = "the review is concluded or cancelled")
    Mono<ResponseEntity<GuestBrief>> opinion(@PathVariable String caseId, @Valid @RequestBody GuestOpinionRequest request,
                                             ServerHttpRequest http) {
        return admit(http, caseId).flatMap(seat -> {
            String guestId = seat.guest().id();
            AuditEntry entry = new AuditEntry(AuditAction.EXECUTE, "opinion", "ClinicalImpression/" + caseId + "-"
                    + guestId, "opinion of guest specialist " + guestId + " submitted");
            return deliberation.recordOpinion(caseId, request.as(guestId))
                    .flatMap(recorded -> gate.record(http, caseId, recorded.replaced() ? entry.as(AuditAction.UPDATE)
                            .describedAs("opinion of guest specialist " + guestId + " changed") : entry)
                            .thenReturn(ResponseEntity.status(recorded.replaced() ? HttpStatus.OK : HttpStatus.CREATED)
                                    .location(URI.create("/reviews/" + caseId + "/guest"))
                                    .body(GuestBrief.of(recorded.review(), seat.guest()))));
        });
    }

    private record Seat(Review review, Guest guest) {
    }

    /**
     * The guest the link stands for, on this case's panel, while the review is open. With security on, the link
     * chain has checked the link; with it off (local experiments), the link is checked here, so the guest is known
     * either way.
     */
    private Mono<Seat> admit(ServerHttpRequest http, String caseId) {
        return GuestLinkGrant.current()
                .switchIfEmpty(Mono.defer(() -> linkOf(http).map(token -> links.authenticate(token)
                        .onErrorMap(e -> new DomainProblem(HttpStatus.UNAUTHORIZED, "invalid-guest-link", e.getMessage()))
                        .mapNotNull(a -> a instanceof JwtAuthenticationToken jwt ? GuestLinkGrant.of(jwt) : null))
                        .orElseGet(() -> Mono.error(new DomainProblem(HttpStatus.UNAUTHORIZED, "invalid-guest-link",
                                "a guest link is required (header " + GuestLinks.HEADER + " or ?" + GuestLinks.PARAMETER
                                        + "=)")))))
                .filter(grant -> grant.caseId().equals(caseId))
                .switchIfEmpty(Mono.error(() -> new DomainProblem(HttpStatus.FORBIDDEN, "not-your-case",
                        "a guest link opens only its own case")))
                .flatMap(grant -> reviews.findById(caseId)
                        .filter(review -> ReviewGate.audience(review).reviewOpen())
                        .flatMap(review -> Mono.justOrEmpty(review.seatedGuestWithLink(grant.linkId()))
                                .map(guest -> new Seat(review, guest))))
                .switchIfEmpty(Mono.error(() -> new DomainProblem(HttpStatus.FORBIDDEN, "not-your-case",
                        "the review of case " + caseId + " is closed to its guest (cancelled, released, or the seat "
                                + "was given to someone else)")));
    }

    private static java.util.Optional<String> linkOf(ServerHttpRequest http) {
        String header = http.getHeaders().getFirst(GuestLinks.HEADER);
        return java.util.Optional.ofNullable(header != null ? header : http.getQueryParams().getFirst(GuestLinks.PARAMETER));
    }
}
