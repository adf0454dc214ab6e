package org.consilium.mdt.review;

import org.consilium.mdt.panel.Panellist;
import org.consilium.mdt.report.ReportStatus;
import org.consilium.support.access.CaseAction;
import org.consilium.support.access.CaseAudience;
import org.consilium.support.access.CaseGuard;
import org.consilium.support.audit.AuditAction;
import org.consilium.support.audit.AuditEntry;
import org.consilium.support.audit.AuditTrail;
import org.consilium.support.problem.DomainProblem;
import org.consilium.support.security.Acting;
import org.consilium.support.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The per-case gate of this service (issue 6): who may see or act on one case's review, by the
 * shared rule ({@link CaseAudience}) with the panel stored here. A specialist passes only for a case
 * on their panel (directory id = token {@code preferred_username}) and only while the review is open:
 * not cancelled, report not released. Every refusal is written to the audit trail before it is
 * answered, so "who tried to open this case?" has an answer too.
 */
@Component
public class ReviewGate {
    private final ReviewRepository reviews;
    private final AuditTrail trail;

    ReviewGate(ReviewRepository reviews, AuditTrail trail) {
        this.reviews = reviews;
        this.trail = trail;
    }

    /** Who may see the case: its panel, while the review is open (the case's parties are not known here). */
    public static CaseAudience audience(Review review) {
        boolean open = review.status() != ReviewStatus.CANCELLED
                && review.report().map(r -> r.status() != ReportStatus.RELEASED).orElse(true);
        Set<String> panel = review.panel().stream().map(Panellist::specialistId).collect(Collectors.toSet());
        if (!open && review.status() != ReviewStatus.CANCELLED
                && review.questions().stream().anyMatch(FollowUpQuestion::open)) {
            // after release only the chair, and only while a follow-up question waits for an answer
            return new CaseAudience(review.caseId(), List.of(), Set.of(),
                    review.chair().map(c -> Set.of(c.specialistId())).orElse(Set.of()), true);
        }
        return new CaseAudience(review.caseId(), List.of(), Set.of(), panel, open);
    }

    /**
     * The review, once the caller may do {@code action} with the case. Unknown case: 404 for staff,
     * 403 {@code not-your-case} for anyone else, like someone else's case.
     */
    Mono<Review> admit(ServerHttpRequest request, String caseId, CaseAction action, AuditEntry entry) {
        Mono<Review> review = reviews.findById(caseId).cache();
        return CaseGuard.require(review.map(ReviewGate::audience), action, caseId,
                        () -> DomainProblem.notFound("review of case", caseId))
                .onErrorResume(DomainProblem.class, problem -> refuse(request, caseId, entry, problem))
                .then(review.switchIfEmpty(Mono.error(() -> DomainProblem.notFound("review of case", caseId))));
    }

    /** As {@link #admit}, and the read is on the trail before anything of the case is served. */
    Mono<Review> read(ServerHttpRequest request, String caseId, CaseAction action, AuditEntry entry) {
        return admit(request, caseId, action, entry).flatMap(review -> record(request, caseId, entry).thenReturn(review));
    }

    /**
     * Completes when the token's user is {@code actingAs} (a member gives only their own opinion, a
     * chair signs only as themselves); a 403 {@code slug}, on the trail, otherwise.
     */
    Mono<Void> requireSelf(ServerHttpRequest request, String caseId, String actingAs, String slug, AuditEntry entry) {
        return Acting.require(actingAs, slug).onErrorResume(DomainProblem.class, problem -> refuse(request, caseId, entry, problem));
    }

    /**
     * The chair of the case, after release too: follow-up questions outlive the open review. Another
     * member gets 403 {@code not-the-chair}; anyone else, or any unknown case, {@code not-your-case}.
     */
    Mono<Review> admitChair(ServerHttpRequest request, String caseId, AuditEntry entry) {
        return Caller.current()
                .flatMap(caller -> reviews.findById(caseId)
                        .flatMap(review -> review.chair().filter(c -> c.specialistId().equals(caller.username()))
                                .map(c -> Mono.just(review))
                                .orElseGet(() -> refuse(request, caseId, entry, review.member(caller.username()).isPresent()
                                        ? new DomainProblem(HttpStatus.FORBIDDEN, "not-the-chair", caller.username()
                                        + " does not chair the panel of case " + caseId)
                                        : CaseGuard.refused(caller, CaseAction.VIEW, caseId))))
                        .switchIfEmpty(Mono.defer(() -> refuse(request, caseId, entry,
                                CaseGuard.refused(caller, CaseAction.VIEW, caseId)))))
                .then(reviews.findById(caseId))
                .switchIfEmpty(Mono.error(() -> DomainProblem.notFound("review of case", caseId)));
    }

    Mono<Void> record(ServerHttpRequest request, String caseId, AuditEntry entry) {
        return trail.record(request, caseId, entry);
    }

    /** Answers {@code problem}, once the refusal is on the trail. */
    <T> Mono<T> refuse(ServerHttpRequest request, String caseId, AuditEntry entry, DomainProblem problem) {
        return trail.refusing(request, caseId, entry, problem);
    }

    /**
     * The audit entries of this service: {@code what} FHIR-reference style ({@code ServiceRequest/<case>} the
     * review, {@code Composition/<case>-report} the report, {@code ClinicalImpression/<case>-<member>}
     * an opinion, {@code CareTeam/<case>} the panel).
     */
    static final class Entry {
        private Entry() {
        }

        static AuditEntry review(AuditAction action, String subtype, String caseId, String description) {
            return new AuditEntry(action, subtype, "ServiceRequest/" + caseId, description);
        }

        static AuditEntry report(AuditAction action, String subtype, String caseId, String description) {
            return new AuditEntry(action, subtype, "Composition/" + caseId + "-report", description);
        }
    }
}
