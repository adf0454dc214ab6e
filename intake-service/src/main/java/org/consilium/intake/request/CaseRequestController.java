package org.consilium.intake.request;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import org.consilium.intake.draft.IntakeDrafts;
import org.consilium.support.audit.AuditAction;
import org.consilium.support.audit.AuditEntry;
import org.consilium.support.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;

@RestController
@RequestMapping("/cases")
public class CaseRequestController {
    private final CaseRequests requests;
    private final CaseGate gate;
    private final IntakeDrafts drafts;

    public CaseRequestController(CaseRequests requests, CaseGate gate, IntakeDrafts drafts) {
        this.requests = requests;
        this.gate = gate;
        this.drafts = drafts;
    }

    @PostMapping
    @Operation(summary = "Request a second opinion",
            description = "Validates the whole intake questionnaire and lists every invalid field at once. Sent with the "
                    + "requestKey of the caller's draft (GET /drafts/mine) as Idempotency-Key, the draft is deleted.")
    public Mono<ResponseEntity<CaseView>> submit(@Valid @RequestBody CaseIntake intake,
            @Parameter(description = "Any unique string; repeating a request with the same key returns the same case")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, ServerHttpRequest request) {
        // the draft goes only once the case is stored; should deleting it fail, the same send again returns the case
        // (the key) and deletes it then
        return requests.submit(intake, idempotencyKey).flatMap(s -> gate.recordSubmission(request, s))
                .flatMap(s -> drafts.sent(idempotencyKey).thenReturn(s)).map(s -> ResponseEntity
                .status(s.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/cases/" + s.request().id()))
                .body(CaseView.of(s.request())));
    }

    @GetMapping
    @Operation(summary = "A coordinator's queue: the cases in one stage, oldest first",
            description = "E.g. ?stage=AWAITING_PATIENT: cases a hospital sent that wait for the patient's consent and "
                    + "question. No names or contact data: open the case for those.")
    public Flux<CaseSummary> inStage(@RequestParam Stage stage) {
        return requests.inStage(stage).map(CaseSummary::of);
    }

    @GetMapping("/mine")
    @Operation(summary = "The caller's own cases: those they are the patient of, or the caregiver acting for",
            description = "Newest first. For the patient's side only (a coordinator has the queues); each case listed "
                    + "is on its audit trail as read by the caller.")
    public Flux<MyCase> mine(ServerHttpRequest request) {
        return Caller.current().flatMapMany(caller -> requests.ofPatientSide(caller)
                .concatMap(c -> gate.record(request, c.id(), CaseGate.Entry.ofCase(AuditAction.READ, "my-cases", c.id(),
                        "listed among the caller's cases: stage, cancer type, patient's name")).thenReturn(MyCase.of(c, caller))));
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "Where the case stands now, with the history of its stages")
    public Mono<CaseView> find(@PathVariable String caseId, ServerHttpRequest request) {
        return gate.read(request, caseId, CaseGate.Entry.ofCase(AuditAction.READ, "case", caseId,
                "the case: stage, history, consents, submitted records")).map(CaseView::of);
    }

    @PostMapping("/{caseId}/withdraw")
    @Operation(summary = "Withdraw the case; everything in flight stops and the people involved are told")
    public Mono<ResponseEntity<CaseView>> withdraw(@PathVariable String caseId, @Valid @RequestBody Withdrawal withdrawal,
                                                   ServerHttpRequest request) {
        AuditEntry entry = CaseGate.Entry.ofCase(AuditAction.UPDATE, "withdraw", caseId,
                "case withdrawn: " + withdrawal.reason());
        return gate.requirePatientSide(request, caseId, entry)
                .then(requests.withdraw(caseId, withdrawal.reason()))
                .flatMap(c -> gate.record(request, caseId, entry).thenReturn(c))
                .map(c -> ResponseEntity.status(HttpStatus.ACCEPTED).body(CaseView.of(c)));
    }

    @PostMapping("/{caseId}/questionnaire")
    @Operation(summary = "The patient's consent and question for a case a hospital sent (stage AWAITING_PATIENT)",
            description = "By the patient, their caregiver, or a coordinator recording what the patient said. The intake "
                    + "completed with these answers is validated whole (400 listing every field); then the case is "
                    + "submitted as usual (CaseSubmitted). 409 when the case does not wait for them.")
    public Mono<CaseView> completeByPatient(@PathVariable String caseId, @Valid @RequestBody PatientAnswers answers,
                                            ServerHttpRequest request) {
        AuditEntry entry = CaseGate.Entry.ofCase(AuditAction.UPDATE, "questionnaire", caseId,
                "the patient's consent and question given; case submitted");
        return gate.requirePatientSide(request, caseId, entry)
                .then(requests.completeByPatient(caseId, answers))
                .flatMap(c -> gate.record(request, caseId, entry).thenReturn(c))
                .map(CaseView::of);
    }

    @PostMapping("/{caseId}/consent")
    @Operation(summary = "Grant or withdraw consent for one purpose",
            description = "Recorded with its time in the consent history. Withdrawing REVIEW withdraws the case.")
    public Mono<CaseView> consent(@PathVariable String caseId, @Valid @RequestBody ConsentDecision decision,
                                  ServerHttpRequest request) {
        String decided = decision.granted() ? "granted" : "withdrawn";
        AuditEntry entry = CaseGate.Entry.consent(caseId, decision.purpose(), "consent " + decision.purpose().code()
                + " " + decided + (decision.purpose() == ConsentPurpose.REVIEW && !decision.granted()
                ? " (the case is withdrawn with it)" : ""));
        return gate.requirePatientSide(request, caseId, entry)
                .then(requests.decideConsent(caseId, decision.purpose(), decision.granted()))
                .flatMap(c -> gate.record(request, caseId, entry).thenReturn(c))
                .map(CaseView::of);
    }

}
