package org.consilium.mdt.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.consilium.mdt.review.ReviewGate.Entry;
import org.consilium.support.access.CaseAction;
import org.consilium.support.audit.AuditAction;
import org.consilium.support.audit.AuditEntry;
import org.consilium.support.input.InvalidInput;
import org.consilium.support.problem.DomainProblem;
import org.consilium.support.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.util.List;

@RestController
@Tag(name = "reviews")
class ReviewEndpoints {
    /** The decider when the service runs without tokens (SECURITY_ENABLED=false, local experiments only). */
    static final String NO_TOKEN = "unauthenticated";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private final PanelDeliberation deliberation;
    private final PanelSwapping swapping;
    private final ReviewGate gate;
    private final ReviewScheduling scheduling;
    private final PatientQuestions patients;
    private final Clock clock;

    ReviewEndpoints(PanelDeliberation deliberation, PanelSwapping swapping, ReviewGate gate,
                    ReviewScheduling scheduling, PatientQuestions patients, Clock clock) {
        this.deliberation = deliberation;
        this.swapping = swapping;
        this.gate = gate;
        this.scheduling = scheduling;
        this.patients = patients;
        this.clock = clock;
    }

    @PostMapping("/reviews/{caseId}/schedule")
    @Operation(summary = "A coordinator plans again a case no panel could be composed for (its 'Resolve a failed "
            + "step' task), after widening the directory's licensure, or with licensure widened for this case only "
            + "(optional body: crossBorderDisciplines and a reason; needs the patient's consent to cross-border "
            + "transfer): the review, on a session with its panel")
    @ApiResponse(responseCode = "400", description = "invalid fields, all listed: an unknown discipline, disciplines "
            + "without a reason")
    @ApiResponse(responseCode = "404", description = "no such case here")
    @ApiResponse(responseCode = "409", description = "still no panel (panel-unavailable, with what is missing), the "
            + "case already has a review (already-scheduled), or no consent to cross-border transfer "
            + "(cross-border-consent-missing)")
    @ApiResponse(responseCode = "422", description = "a discipline the case did not ask for (discipline-not-requested)")
    Mono<ReviewView> replan(@PathVariable String caseId, @Valid @RequestBody(required = false) ReplanRequest request,
                            ServerHttpRequest http) {
        List<String> acrossBorders = request == null ? List.of() : request.disciplines();
        Mono<Review> replanned = acrossBorders.isEmpty() ? scheduling.replan(caseId, null) : Caller.current()
                .map(Caller::username).defaultIfEmpty(NO_TOKEN) // who decided is the token's user, not a body field
                .flatMap(by -> scheduling.replan(caseId, new LicensureWidening(acrossBorders, request.reason().strip(),
                        by, clock.instant())));
        return replanned
                .flatMap(review -> gate.record(http, caseId, new AuditEntry(AuditAction.EXECUTE, "replan",
                        "CareTeam/" + caseId, "panel re-planned: " + review.panel().size() + " members"
                        + review.licensureWidening().map(w -> "; licensure widened for " + String.join(", ",
                        w.disciplines()) + " (" + w.reason() + ")").orElse(""))).thenReturn(review))
                .map(ReviewView::of);
    }

    @PutMapping("/reviews/{caseId}/panel/{discipline}")
    @Operation(summary = "A coordinator puts a specialist on the seat of a discipline (replacing its member or filling "
            + "an uncovered discipline), under the panel's rules; the swap is recorded in the review")
    @ApiResponse(responseCode = "400", description = "invalid fields, all listed")
    @ApiResponse(responseCode = "404", description = "no review for the case")
    @ApiResponse(responseCode = "409", description = "review concluded or cancelled, already on the panel, the member "
            + "leaving gave an opinion, or the specialist is at weekly capacity (at-capacity)")
    @ApiResponse(responseCode = "422", description = "unknown specialist, wrong discipline, discipline not requested, "
            + "not licensed in the patient's country (not-licensed), or affiliated with the treating institution "
            + "(conflict-of-interest)")
    Mono<ReviewView> swap(@PathVariable String caseId, @PathVariable String discipline,
                          @Valid @RequestBody SwapRequest request, ServerHttpRequest http) {
        return swapping.swap(caseId, discipline, request)
                .flatMap(review -> gate.record(http, caseId, new AuditEntry(AuditAction.UPDATE, "panel-swap",
                        "CareTeam/" + caseId, discipline + ": " + request.specialistId() + " seated ("
                        + request.reason() + ")")).thenReturn(review))
                .map(ReviewView::of);
    }

    @GetMapping("/reviews/{caseId}")
    @Operation(summary = "A case's review: status, session, panel (with the start in each member's zone), opinions, consensus",
            description = "A panel member who has not given their own opinion yet sees none of the others' "
                    + "(othersOpinionsHidden: independent pre-meeting opinions); their seats say who has given one")
    @ApiResponse(responseCode = "404", description = "no review for the case (review-waits-for-case: its ScheduleReview "
            + "came before the case's CaseSubmitted and waits for it)")
    @ApiResponse(responseCode = "409", description = "no panel could be composed for the case (panel-unavailable, "
            + "saying what is missing); a coordinator re-plans it with POST /reviews/{caseId}/schedule")
    Mono<ReviewView> review(@PathVariable String caseId, ServerHttpRequest http) {
        return gate.read(http, caseId, CaseAction.VIEW, Entry.review(AuditAction.READ, "review", caseId,
                        "the review: panel, opinions, consensus, questions"))
                .flatMap(review -> IndependentOpinions.hiddenFromCaller(review).map(hidden -> ReviewView.of(review, hidden)))
                // staff asking for a case no panel could be composed for are told why, not just "not found"; and for
                // one whose ScheduleReview waits for the case's CaseSubmitted, what it waits for (the process's
                // "Check the review scheduling" task sends the coordinator here)
                .onErrorResume(DomainProblem.class, problem -> problem.status() != HttpStatus.NOT_FOUND
                        ? Mono.error(problem) : scheduling.gapOf(caseId).flatMap(gap -> Mono.<ReviewView>error(
                                new DomainProblem(HttpStatus.CONFLICT, "panel-unavailable", gap.reason())))
                        .switchIfEmpty(scheduling.parkedFor(caseId).flatMap(parked -> Mono.<ReviewView>error(
                                new DomainProblem(HttpStatus.NOT_FOUND, "review-waits-for-case", "no review yet: the "
                                        + "ScheduleReview of case " + caseId + " came at " + parked.parkedAt()
                                        + " and waits for intake's CaseSubmitted of the case, which has not reached "
                                        + "mdt-scheduler (topic consilium.case.events); it is applied when it does"))))
                        .switchIfEmpty(Mono.error(problem)));
    }

    @PostMapping("/reviews/{caseId}/opinions")
    @Operation(summary = "A panel member's individual opinion; 201 when first given, 200 when it replaces the member's earlier one")
    @ApiResponse(responseCode = "400", description = "invalid fields, all listed")
    @ApiResponse(responseCode = "403", description = "not a member of the case's panel")
    @ApiResponse(responseCode = "404", description = "no review for the case")
    @ApiResponse(responseCode = "409", description = "the review is concluded or cancelled")
    @ApiResponse(responseCode = "422", description = "the Idempotency-Key came with a different opinion "
            + "(idempotency-key-reused)")
    Mono<ResponseEntity<ReviewView>> opinion(@PathVariable String caseId, @Valid @RequestBody OpinionRequest request,
            @Parameter(description = "Any unique string (at most 200 visible ASCII characters): the same opinion sent "
                    + "again under it is answered as the first time, recorded and announced once")
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                             ServerHttpRequest http) {
        checkKey(idempotencyKey);
        String member = request.specialistId();
        AuditEntry entry = new AuditEntry(AuditAction.EXECUTE, "opinion", "ClinicalImpression/" + caseId + "-" + member,
                "opinion of " + member);
        return gate.admit(http, caseId, CaseAction.VIEW, entry)
                .then(gate.requireSelf(http, caseId, member, "not-your-opinion", entry))
                .then(Mono.defer(() -> deliberation.recordOpinion(caseId, request, idempotencyKey)))
                .flatMap(recorded -> recorded.replayed() ? Mono.just(recorded) : gate.record(http, caseId, recorded.replaced()
                        ? entry.as(AuditAction.UPDATE).describedAs("opinion of " + member + " changed")
                        : entry.describedAs("opinion of " + member + " submitted")).thenReturn(recorded))
                .map(recorded -> ResponseEntity
                .status(recorded.replaced() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/reviews/" + caseId))
                .body(ReviewView.of(recorded.review())));
    }

    /** A key is a line of visible ASCII (the IETF draft's sf-string), short enough to store. */
    private static void checkKey(String key) {
        if (key != null && (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e))) {
            throw InvalidInput.of(IDEMPOTENCY_KEY, "must be 1 to 200 visible ASCII characters");
        }
    }

    @PostMapping("/reviews/{caseId}/questions")
    @Operation(summary = "A follow-up question from the patient, to the chair; taken within 30 days of the consensus",
            description = "Asked by the patient or caregiver themselves (their own case only; replyTo.email must be "
                    + "their token's address), or relayed by a coordinator for anyone")
    @ApiResponse(responseCode = "201", description = "recorded; the question's id is in the body and the Location")
    @ApiResponse(responseCode = "400", description = "invalid fields, all listed")
    @ApiResponse(responseCode = "403", description = "a patient or caregiver asking about another's case "
            + "(not-your-case), or for the answer to go to another address (not-yourself)")
    @ApiResponse(responseCode = "404", description = "no review for the case")
    @ApiResponse(responseCode = "409", description = "not concluded yet (review-not-concluded), or more than 30 days "
            + "after the consensus (follow-up-closed)")
    Mono<ResponseEntity<FollowUpQuestion>> question(@PathVariable String caseId,
                                                    @Valid @RequestBody QuestionRequest request,
                                                    ServerHttpRequest http) {
        AuditEntry asking = new AuditEntry(AuditAction.CREATE, "follow-up-question", "Communication/" + caseId,
                "a follow-up question");
        return patients.admit(http, caseId, request.replyTo(), asking)
                .then(Mono.defer(() -> deliberation.ask(caseId, request)))
                .flatMap(q -> gate.record(http, caseId, new AuditEntry(AuditAction.CREATE, "follow-up-question",
                        "Communication/" + caseId + "-" + q.id(), "follow-up question " + q.id())).thenReturn(q))
                .map(q -> ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/reviews/" + caseId + "/questions/" + q.id())).body(q));
    }

    @PostMapping("/reviews/{caseId}/questions/{questionId}/answer")
    @Operation(summary = "The chair answers a follow-up question, once")
    @ApiResponse(responseCode = "400", description = "invalid fields, all listed")
    @ApiResponse(responseCode = "403", description = "not the chair of the panel")
    @ApiResponse(responseCode = "404", description = "no review for the case, or no such question")
    @ApiResponse(responseCode = "409", description = "already answered")
    Mono<FollowUpQuestion> answer(@PathVariable String caseId, @PathVariable String questionId,
                                  @Valid @RequestBody AnswerRequest request, ServerHttpRequest http) {
        AuditEntry entry = new AuditEntry(AuditAction.EXECUTE, "follow-up-answer", "Communication/" + caseId + "-" + questionId,
                "answer to follow-up question " + questionId);
        return gate.admitChair(http, caseId, entry)
                .then(gate.requireSelf(http, caseId, request.chairId(), "not-the-chair", entry))
                .then(Mono.defer(() -> deliberation.answer(caseId, questionId, request)))
                .flatMap(answered -> gate.record(http, caseId, entry).thenReturn(answered));
    }

    @GetMapping("/reviews/{caseId}/meeting")
    @Operation(summary = "The meeting view: each member's opinion side by side and the points of disagreement",
            description = "A panel member who has not given their own opinion yet sees only who has given one: no "
                    + "recommendation, agreement or disagreement of the others (othersOpinionsHidden)")
    @ApiResponse(responseCode = "404", description = "no review for the case")
    Mono<MeetingView> meeting(@PathVariable String caseId, ServerHttpRequest http) {
        return gate.read(http, caseId, CaseAction.VIEW, Entry.review(AuditAction.READ, "meeting-view", caseId,
                "the meeting view: opinions side by side, points of disagreement"))
                .flatMap(review -> IndependentOpinions.hiddenFromCaller(review).map(hidden -> MeetingView.of(review, hidden)));
    }

    @PostMapping("/reviews/{caseId}/consensus")
    @Operation(summary = "The chair's consensus, once every member gave an opinion; concludes the review")
    @ApiResponse(responseCode = "400", description = "invalid fields, all listed")
    @ApiResponse(responseCode = "403", description = "not the chair of the panel")
    @ApiResponse(responseCode = "404", description = "no review for the case")
    @ApiResponse(responseCode = "409", description = "opinions missing (named), already concluded, or cancelled")
    Mono<ResponseEntity<ReviewView>> consensus(@PathVariable String caseId, @Valid @RequestBody ConsensusRequest request,
                                               ServerHttpRequest http) {
        AuditEntry entry = Entry.report(AuditAction.EXECUTE, "consensus", caseId, "consensus signed by " + request.chairId()
                + ": report version 1");
        return gate.admit(http, caseId, CaseAction.VIEW, entry)
                .then(gate.requireSelf(http, caseId, request.chairId(), "not-the-chair", entry))
                .then(Mono.defer(() -> deliberation.conclude(caseId, request)))
                .flatMap(review -> gate.record(http, caseId, entry).thenReturn(review))
                .map(review -> ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/reviews/" + caseId))
                .body(ReviewView.of(review)));
    }
}
