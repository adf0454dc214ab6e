package org.consilium.mdt.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.consilium.mdt.review.ReviewGate.Entry;
import org.consilium.support.audit.AuditAction;
import org.consilium.support.audit.AuditEntry;
import org.consilium.support.problem.DomainProblem;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * The patient's own window on the review (issue 14): the patient and caregiver could ask the chair but not read the
 * answer, nor the released report, anywhere but in their mail. The same parties check as their questions
 * ({@link PatientQuestions}); every read is on the trail.
 */
@RestController
class PatientReviewEndpoint {
    private final ReviewRepository reviews;
    private final PatientQuestions patients;
    private final ReviewGate gate;
    private final Duration followUpWindow;

    PatientReviewEndpoint(ReviewRepository reviews, PatientQuestions patients, ReviewGate gate,
                          PanelDeliberation deliberation) {
        this.reviews = reviews;
        this.patients = patients;
        this.gate = gate;
        this.followUpWindow = deliberation.followUpWindow();
    }

    @GetMapping("/reviews/{caseId}/for-patient")
    @Operation(summary = "The review as the patient or caregiver sees it: status, when the panel meets, the released "
            + "report (never a draft), the follow-up questions with the chair's answers")
    @ApiResponse(responseCode = "403", description = "not the case's patient or caregiver (not-your-case)")
    @ApiResponse(responseCode = "404", description = "no review for the case yet")
    Mono<PatientReviewView> forPatient(@PathVariable String caseId, ServerHttpRequest http) {
        AuditEntry entry = Entry.review(AuditAction.READ, "patient-view", caseId,
                "the review as the patient sees it: status, released report, follow-up questions");
        return patients.admitPatientSide(http, caseId, entry)
                .then(reviews.findById(caseId))
                .switchIfEmpty(Mono.error(() -> DomainProblem.notFound("review of case", caseId)))
                .flatMap(review -> gate.record(http, caseId, entry).thenReturn(PatientReviewView.of(review, followUpWindow)));
    }
}
