package org.consilium.records.collection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "records", description = "the records checklist of a case")
public class RecordsController {
    private final CaseRecordsStore store;

    public RecordsController(CaseRecordsStore store) {
        this.store = store;
    }

    @GetMapping("/cases/{caseId}/records")
    @Operation(summary = "The case's checklist: each item with its status and documents, the case status and counts")
    @ApiResponse(responseCode = "200", description = "the checklist")
    @ApiResponse(responseCode = "404", description = "no records are being collected for the case",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public Mono<RecordsView> records(@PathVariable String caseId) {
        return store.get(caseId).map(RecordsView::of);
    }
}
