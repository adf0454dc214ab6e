package org.consilium.mdt.review;

import org.consilium.events.Roles;
import org.consilium.mdt.submission.SubmittedQuestions;
import org.consilium.support.access.CaseAction;
import org.consilium.support.access.CaseAudience;
import org.consilium.support.access.CaseGuard;
import org.consilium.support.audit.AuditEntry;
import org.consilium.support.problem.DomainProblem;
import org.consilium.support.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * A follow-up question the patient or their caregiver asks themselves (issue 14), not relayed by a coordinator: only
 * for their own case (a party of its CaseSubmitted, by the token's e-mail address), and the answer goes to them (the
 * {@code replyTo} address must be the token's: a patient cannot have a chair's answer about her health mailed to
 * someone else). Staff and services are not checked here: they may relay for anyone. Refusals are on the trail.
 */
@Component
class PatientQuestions {
    private final SubmittedQuestions submissions;
    private final ReviewGate gate;

    PatientQuestions(SubmittedQuestions submissions, ReviewGate gate) {
        this.submissions = submissions;
        this.gate = gate;
    }

    Mono<Void> admit(ServerHttpRequest http, String caseId, ReplyTo replyTo, AuditEntry entry) {
        return admitPatientSide(http, caseId, entry)
                .then(Caller.current())
                .filter(caller -> !caller.has(Roles.COORDINATOR) && !caller.has(Roles.SERVICE))
                .filter(caller -> !caller.isPerson(replyTo.email()))
                .flatMap(caller -> gate.<Void>refuse(http, caseId, entry, new DomainProblem(HttpStatus.FORBIDDEN,
                        "not-yourself", "the chair's answer goes to whoever asks: replyTo.email must be the token's address")))
                .then();
    }

    /**
     * Completes when the caller is staff, a service, or the case's patient or caregiver (a party of its
     * CaseSubmitted, by the token's e-mail); 403 {@code not-your-case}, on the trail, otherwise.
     */
    Mono<Void> admitPatientSide(ServerHttpRequest http, String caseId, AuditEntry entry) {
        return Caller.current()
                .filter(caller -> !caller.has(Roles.COORDINATOR) && !caller.has(Roles.SERVICE))
                .flatMap(caller -> submissions.parties(caseId).flatMap(parties ->
                        CaseAudience.of(caseId, parties, List.of()).allows(caller, CaseAction.VIEW) ? Mono.<Void>empty()
                                : gate.<Void>refuse(http, caseId, entry, CaseGuard.refused(caller, CaseAction.VIEW, caseId))))
                .then();
    }
}
