package org.consilium.mdt.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;

@RestController
@Tag(name = "reviews")
class ReviewEndpoints {
    private final PanelDeliberation deliberation;

    ReviewEndpoints(PanelDeliberation deliberation) {
        this.deliberation = deliberation;
    }

    @GetMapping("/reviews/{caseId}")
    @Operation(summary = "A case's review: status, session, panel (with the start in each member's zone), opinions, consensus")
    @ApiResponse(responseCode = "404", description = "no review for the case")
    Mono<ReviewView> review(@PathVariable String caseId) {
        return deliberation.find(caseId).map(ReviewView::of);
    }

    @PostMapping("/reviews/{caseId}/opinions")
    @Operation(summary = "A panel member's individual opinion; 201 when first given, 200 when it replaces the member's earlier one")
    @ApiResponse(responseCode = "400", description = "invalid fields, all listed")
    @ApiResponse(responseCode = "403", description = "not a member of the case's panel")
    @ApiResponse(responseCode = "404", description = "no review for the case")
    @ApiResponse(responseCode = "409", description = "the review is concluded or cancelled")
    Mono<ResponseEntity<ReviewView>> opinion(@PathVariable String caseId, @Valid @RequestBody OpinionRequest request) {
        return deliberation.recordOpinion(caseId, request).map(recorded -> ResponseEntity
                .status(recorded.replaced() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/reviews/" + caseId))
                .body(ReviewView.of(recorded.review())));
    }

    @PostMapping("/reviews/{caseId}/consensus")
    @Operation(summary = "The chair's consensus, once every member gave an opinion; concludes the review")
    @ApiResponse(responseCode = "400", description = "invalid fields, all listed")
    @ApiResponse(responseCode = "403", description = "not the chair of the panel")
    @ApiResponse(responseCode = "404", description = "no review for the case")
    @ApiResponse(responseCode = "409", description = "opinions missing (named), already concluded, or cancelled")
    Mono<ResponseEntity<ReviewView>> consensus(@PathVariable String caseId, @Valid @RequestBody ConsensusRequest request) {
        return deliberation.conclude(caseId, request).map(review -> ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/reviews/" + caseId))
                .body(ReviewView.of(review)));
    }
}
