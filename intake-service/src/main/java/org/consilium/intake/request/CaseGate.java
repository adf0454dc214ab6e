package org.consilium.intake.request;

import org.consilium.events.Roles;
import org.consilium.support.access.CaseAction;
import org.consilium.support.access.CaseGuard;
import org.consilium.support.audit.AuditAction;
import org.consilium.support.audit.AuditEntry;
import org.consilium.support.audit.AuditTrail;
import org.consilium.support.problem.DomainProblem;
import org.consilium.support.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The per-case gate of this service (issue 6): who may see or change one case, by the shared rule
 * ({@code CaseAudience}) with the parties and consents stored on the case. Every refusal is written
 * to the audit trail before it is answered, so "who tried to open this case?" has an answer too;
 * every read is written before anything is served.
 */
@Component
public class CaseGate {
    private final CaseRepository cases;
    private final AuditTrail trail;

    CaseGate(CaseRepository cases, AuditTrail trail) {
        this.cases = cases;
        this.trail = trail;
    }

    /**
     * The case, once the caller may do {@code action} with it. Unknown case: 404 for staff, 403
     * {@code not-your-case} for anyone else, like someone else's case (no answer tells which ids exist).
     */
    public Mono<SecondOpinionCase> admit(ServerHttpRequest request, String caseId, CaseAction action, AuditEntry entry) {
        Mono<SecondOpinionCase> found = cases.findById(caseId).cache();
        return CaseGuard.require(found.map(SecondOpinionCase::audience), action, caseId,
                        () -> DomainProblem.notFound("case", caseId))
                .onErrorResume(DomainProblem.class, problem -> refuse(request, caseId, entry, problem))
                .then(found.switchIfEmpty(Mono.error(() -> DomainProblem.notFound("case", caseId))));
    }

    /** As {@link #admit} to view, and the read is on the trail before anything of the case is served. */
    public Mono<SecondOpinionCase> read(ServerHttpRequest request, String caseId, AuditEntry entry) {
        return admit(request, caseId, CaseAction.VIEW, entry).flatMap(c -> record(request, caseId, entry).thenReturn(c));
    }

    /**
     * Completes when the caller may decide for the patient: consent and withdrawal. Not
     * {@code CaseAction.CONTRIBUTE}: that lets a consented referrer add records, but consent is the
     * patient's own decision (GDPR art. 7), so only the patient, the caregiver acting for them, or a
     * coordinator (recording what the patient said, e.g. on the phone) may give or withdraw it, or
     * withdraw the case. Unknown case: 404 for a coordinator, 403 for anyone else.
     */
    public Mono<Void> requirePatientSide(ServerHttpRequest request, String caseId, AuditEntry entry) {
        return Caller.current()
                .filter(caller -> !caller.has(Roles.COORDINATOR))
                .flatMap(caller -> cases.findById(caseId)
                        .filter(c -> c.isPatientSide(caller))
                        .switchIfEmpty(Mono.defer(() -> refuse(request, caseId, entry, new DomainProblem(
                                HttpStatus.FORBIDDEN, "not-your-case", caller.username() + " may not decide for case "
                                + caseId + ": only its patient, their caregiver or a coordinator may")))))
                .then();
    }

    /** A new case is on its trail with who opened it; a replayed submission opened nothing. */
    public Mono<CaseRequests.Submission> recordSubmission(ServerHttpRequest request, CaseRequests.Submission submission) {
        if (!submission.created()) {
            return Mono.just(submission);
        }
        SecondOpinionCase c = submission.request();
        String by = c.submitter().map(s -> " by " + s.username() + " as " + s.role()).orElse("");
        return record(request, c.id(), Entry.ofCase(AuditAction.CREATE, "submit", c.id(), "case submitted" + by))
                .thenReturn(submission);
    }

    public Mono<Void> record(ServerHttpRequest request, String caseId, AuditEntry entry) {
        return trail.record(request, caseId, entry);
    }

    private <T> Mono<T> refuse(ServerHttpRequest request, String caseId, AuditEntry entry, DomainProblem problem) {
        return trail.refusing(request, caseId, entry, problem);
    }

    /**
     * The audit entries of this service: {@code what} FHIR-reference style ({@code ServiceRequest/<case>} the
     * case, {@code DocumentReference/<attachment>} an attachment, {@code Consent/<case>-<purpose>}).
     */
    public static final class Entry {
        private Entry() {
        }

        public static AuditEntry ofCase(AuditAction action, String subtype, String caseId, String description) {
            return new AuditEntry(action, subtype, "ServiceRequest/" + caseId, description);
        }

        public static AuditEntry consent(String caseId, ConsentPurpose purpose, String description) {
            return new AuditEntry(AuditAction.UPDATE, "consent", "Consent/" + caseId + "-" + purpose.code(), description);
        }
    }
}
