package org.consilium.intake.request;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;

@RestController
@RequestMapping("/cases")
public class CaseRequestController {
    private final CaseRequests requests;

    public CaseRequestController(CaseRequests requests) {
        this.requests = requests;
    }

    @PostMapping
    @Operation(summary = "Request a second opinion",
            description = "Validates the whole intake questionnaire and lists every invalid field at once.")
    public Mono<ResponseEntity<CaseView>> submit(@Valid @RequestBody CaseIntake intake,
            @Parameter(description = "Any unique string; repeating a request with the same key returns the same case")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return requests.submit(intake, idempotencyKey).map(s -> ResponseEntity
                .status(s.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/cases/" + s.request().id()))
                .body(CaseView.of(s.request())));
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "Where the case stands now, with the history of its stages")
    public Mono<CaseView> find(@PathVariable String caseId) {
        return requests.find(caseId).map(CaseView::of);
    }

    @PostMapping("/{caseId}/withdraw")
    @Operation(summary = "Withdraw the case; everything in flight stops and the people involved are told")
    public Mono<ResponseEntity<CaseView>> withdraw(@PathVariable String caseId, @Valid @RequestBody Withdrawal withdrawal) {
        return requests.withdraw(caseId, withdrawal.reason())
                .map(c -> ResponseEntity.status(HttpStatus.ACCEPTED).body(CaseView.of(c)));
    }

    @PostMapping("/{caseId}/consent")
    @Operation(summary = "Grant or withdraw consent for one purpose",
            description = "Recorded with its time in the consent history. Withdrawing REVIEW withdraws the case.")
    public Mono<CaseView> consent(@PathVariable String caseId, @Valid @RequestBody ConsentDecision decision) {
        return requests.decideConsent(caseId, decision.purpose(), decision.granted()).map(CaseView::of);
    }
}
