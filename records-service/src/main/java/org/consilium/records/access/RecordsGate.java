package org.consilium.records.access;

import org.consilium.events.Roles;
import org.consilium.records.collection.CaseRecordsStore;
import org.consilium.records.link.UploadLinkGrant;
import org.consilium.support.access.CaseAction;
import org.consilium.support.access.CaseAudience;
import org.consilium.support.access.CaseGuard;
import org.consilium.support.audit.AuditAction;
import org.consilium.support.audit.AuditEntry;
import org.consilium.support.audit.AuditTrail;
import org.consilium.support.problem.DomainProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The per-case gate of this service (issue 6): whether the caller may do an action with one case,
 * by the shared rule ({@link CaseAudience}) over what records knows ({@link CaseAccessProjection}).
 * A case records collects for but knows no people of (no {@code CaseSubmitted} seen) is staff's
 * only. An upload link may add documents to its own case and do nothing else. Every refusal is on
 * the audit trail before it is answered; a read is on it before anything is served.
 */
@Component
public class RecordsGate {
    private final CaseAccessProjections projections;
    private final CaseRecordsStore records;
    private final AuditTrail trail;

    public RecordsGate(CaseAccessProjections projections, CaseRecordsStore records, AuditTrail trail) {
        this.projections = projections;
        this.records = records;
        this.trail = trail;
    }

    /** Completes when the caller may do {@code action} with the case; 403 {@code not-your-case} (audited) otherwise. */
    public Mono<Void> admit(ServerHttpRequest request, String caseId, CaseAction action, AuditEntry entry) {
        return admit(request, caseId, action, entry, audience(caseId));
    }

    /** As {@link #admit}, then the read is recorded: a failed write fails the read. */
    public Mono<Void> read(ServerHttpRequest request, String caseId, AuditEntry entry) {
        return admit(request, caseId, CaseAction.VIEW, entry).then(record(request, caseId, entry));
    }

    /**
     * Upload links are the patient's side's to give (or a coordinator's): the case's patient or caregiver
     * passes, a referrer or a specialist does not, whatever else they may do with the case.
     */
    public Mono<Void> admitPatientSide(ServerHttpRequest request, String caseId, AuditEntry entry) {
        Mono<CaseAudience> patientSide = audience(caseId).map(a -> new CaseAudience(caseId, a.parties().stream()
                .filter(p -> Roles.PATIENT.equals(p.role()) || Roles.CAREGIVER.equals(p.role())).toList(),
                Set.of(), Set.of(), false));
        return admit(request, caseId, CaseAction.CONTRIBUTE, entry, patientSide);
    }

    public Mono<Void> record(ServerHttpRequest request, String caseId, AuditEntry entry) {
        return trail.record(request, caseId, entry);
    }

    /** The case's audience; empty when records knows nothing of the case. */
    public Mono<CaseAudience> audience(String caseId) {
        return projections.find(caseId).map(CaseAccessProjection::audience)
                .switchIfEmpty(Mono.defer(() -> records.find(caseId)
                        .map(r -> CaseAudience.of(caseId, List.of(), List.of()))));
    }

    private Mono<Void> admit(ServerHttpRequest request, String caseId, CaseAction action, AuditEntry entry,
                             Mono<CaseAudience> audience) {
        return UploadLinkGrant.current().map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(link -> link.isPresent()
                        ? admitLink(request, caseId, action, entry, link.get())
                        : CaseGuard.require(audience, action, caseId,
                                        () -> DomainProblem.notFound("records of case", caseId))
                                .onErrorResume(DomainProblem.class, problem -> refuse(request, caseId, entry, problem)));
    }

    private Mono<Void> admitLink(ServerHttpRequest request, String caseId, CaseAction action, AuditEntry entry,
                                 UploadLinkGrant link) {
        if (action == CaseAction.CONTRIBUTE && link.caseId().equals(caseId)) {
            return Mono.empty();
        }
        return refuse(request, caseId, entry, new DomainProblem(HttpStatus.FORBIDDEN, "not-your-case",
                "upload link " + link.linkId() + " may only upload documents to its own case"));
    }

    private Mono<Void> refuse(ServerHttpRequest request, String caseId, AuditEntry entry, DomainProblem problem) {
        return trail.refusing(request, caseId, entry, problem);
    }

    /**
     * The audit entries of this service: {@code what} FHIR-reference style ({@code DocumentReference/<id>} a
     * document, {@code List/<case>-records} the checklist, {@code List/<case>-intake-documents} the
     * intake's documents, {@code Basic/upload-link-<id>} an upload link).
     */
    public static final class Entry {
        private Entry() {
        }

        public static AuditEntry checklist(AuditAction action, String subtype, String caseId, String description) {
            return new AuditEntry(action, subtype, "List/" + caseId + "-records", description);
        }

        public static AuditEntry intakeDocuments(AuditAction action, String subtype, String caseId, String description) {
            return new AuditEntry(action, subtype, "List/" + caseId + "-intake-documents", description);
        }

        public static AuditEntry document(AuditAction action, String subtype, String documentId, String description) {
            return new AuditEntry(action, subtype, "DocumentReference/" + documentId, description);
        }

        public static AuditEntry uploadLink(AuditAction action, String subtype, String linkId, String description) {
            return new AuditEntry(action, subtype, "Basic/upload-link-" + linkId, description);
        }
    }
}
