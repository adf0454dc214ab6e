package org.consilium.intake.request;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.consilium.events.Envelope;
import org.consilium.intake.attachment.IntakeAttachments;
import org.consilium.support.access.CaseAction;
import org.consilium.support.concurrency.ConcurrentChanges;
import org.consilium.support.idempotency.RequestFingerprint;
import org.consilium.events.text.FieldProblem;
import org.consilium.support.input.InvalidInput;
import org.consilium.support.problem.DomainProblem;
import org.consilium.support.security.Caller;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.data.domain.Sort;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** Opens, reads and withdraws cases, and applies other contexts' facts to them. */
@Service
public class CaseRequests {
    private static final Logger log = LoggerFactory.getLogger(CaseRequests.class);
    private final CaseRepository cases;
    private final IntakeAttachments attachments;
    private final Validator validator;
    private final Clock clock;

    public CaseRequests(CaseRepository cases, IntakeAttachments attachments, Validator validator, Clock clock) {
        this.cases = cases;
        this.attachments = attachments;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * Opens a case. With an idempotency key, a retried submission (a weak connection that lost
     * the response) returns the case it already opened instead of opening a second one; a different
     * submission under a used key is refused (422), never answered with the first case.
     */
    public Mono<Submission> submit(CaseIntake intake, String idempotencyKey) {
        return submit(intake, List.of(), idempotencyKey);
    }

    /** Opens a case with the metadata of the records sent along (a FHIR import). */
    public Mono<Submission> submit(CaseIntake intake, List<SubmittedRecord> records, String idempotencyKey) {
        return submit(intake, records, Map.of(), idempotencyKey);
    }

    /**
     * Opens a case with the records sent along and the content of those that came inline. The
     * content is stored first and the case (with its {@code CaseSubmitted}) after it, so the event
     * never names an attachment that is not there yet; when the case is not opened (a failure, or a
     * retried submission that already opened one) the content stored for it is discarded.
     */
    public Mono<Submission> submit(CaseIntake intake, List<SubmittedRecord> records,
                                   Map<String, IntakeAttachments.Content> content, String idempotencyKey) {
        return open(intake, records, content, idempotencyKey, (caseId, fingerprint, by) ->
                SecondOpinionCase.submit(caseId, intake, records, idempotencyKey, fingerprint, by, clock.instant()));
    }

    /**
     * Opens a case a hospital sent without the patient's consent and question: it waits for them
     * ({@link Stage#AWAITING_PATIENT}) and nothing is published until they are given.
     *
     * @param awaited the intake fields the patient still has to give
     */
    public Mono<Submission> awaitPatient(CaseIntake fromHospital, List<SubmittedRecord> records,
                                         Map<String, IntakeAttachments.Content> content, String idempotencyKey,
                                         List<String> awaited) {
        return open(fromHospital, records, content, idempotencyKey, (caseId, fingerprint, by) ->
                SecondOpinionCase.awaitPatient(caseId, fromHospital, records, idempotencyKey, fingerprint, by, awaited,
                        clock.instant()));
    }

    /**
     * The patient's consent and question for a case that waits for them; the completed intake is
     * validated whole (400, every field) and the case is submitted ({@code CaseSubmitted}).
     */
    public Mono<SecondOpinionCase> completeByPatient(String caseId, PatientAnswers answers) {
        return change(caseId, c -> {
            CaseIntake completed = c.completedWith(answers);
            Set<ConstraintViolation<CaseIntake>> violations = validator.validate(completed);
            if (!violations.isEmpty()) {
                // the same 400 validation problem as a bad POST /cases, every field at once
                throw new InvalidInput(violations.stream()
                        .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                        .sorted(Comparator.comparing(FieldProblem::field)).toList());
            }
            c.submitByPatient(completed, clock.instant());
        });
    }

    /** How a case is opened once its id, the fingerprint of the request and who sent it are known. */
    private interface Opening {
        SecondOpinionCase open(String caseId, String requestFingerprint, Submitter submitter);
    }

    private Mono<Submission> open(CaseIntake intake, List<SubmittedRecord> records,
                                  Map<String, IntakeAttachments.Content> content, String idempotencyKey, Opening opening) {
        // who may submit this intake is decided before anything of it is stored
        Mono<Optional<Submitter>> submitter = Caller.current().map(caller -> Optional.of(Submitter.of(caller, intake)))
                .defaultIfEmpty(Optional.empty());
        return submitter.flatMap(by -> open(intake, records, content, idempotencyKey, by.orElse(null), opening));
    }

    private Mono<Submission> open(CaseIntake intake, List<SubmittedRecord> records,
                                  Map<String, IntakeAttachments.Content> content, String idempotencyKey,
                                  Submitter submitter, Opening opening) {
        String fingerprint = idempotencyKey == null ? null : fingerprint(intake, records);
        Mono<Submission> open = Mono.defer(() -> {
            String caseId = "case-" + UUID.randomUUID();
            Mono<Void> storeContent = content.isEmpty() ? Mono.empty() : attachments.store(caseId, content);
            return storeContent
                    .then(cases.insert(opening.open(caseId, fingerprint, submitter)))
                    // ops follow a case by its id and trace through every service's log; nothing of its content here
                    .doOnNext(c -> log.info("case {}: opened at stage {}", c.id(), c.stage()))
                    .map(c -> new Submission(c, true))
                    .onErrorResume(e -> (content.isEmpty() ? Mono.<Void>empty() : attachments.discard(caseId))
                            .then(Mono.error(e)));
        });
        if (idempotencyKey == null) {
            return open;
        }
        Mono<Submission> existing = cases.findByIdempotencyKey(idempotencyKey)
                .flatMap(c -> replayableBy(c).then(Mono.defer(() -> c.openedBy(fingerprint)
                        ? Mono.just(new Submission(c, false))
                        : Mono.error(RequestFingerprint.keyReused()))));
        return existing.switchIfEmpty(open.onErrorResume(DuplicateKeyException.class, e -> existing));
    }

    /**
     * A replay returns the case the key opened, so only to someone who may see that case: a key
     * learnt or guessed must not hand over another patient's case.
     */
    private static Mono<Void> replayableBy(SecondOpinionCase existing) {
        return Caller.current()
                .filter(caller -> !existing.audience().allows(caller, CaseAction.VIEW))
                .flatMap(caller -> Mono.<Void>error(DomainProblem.conflict("idempotency-key-reused",
                        "this Idempotency-Key was used for another submission; send a new key")))
                .then();
    }

    /**
     * The request a key is kept with: the intake and the records as read, without the attachment ids
     * (new for every read; the records' SHA-256 stands for their content).
     */
    private static String fingerprint(CaseIntake intake, List<SubmittedRecord> records) {
        List<SubmittedRecord> sent = records.stream().map(r -> new SubmittedRecord(r.resourceType(), r.sourceId(), r.title(),
                r.contentType(), r.size(), r.url(), r.date(), null, r.sha256(), r.codes())).toList();
        return RequestFingerprint.of(Map.of("intake", intake, "records", sent));
    }

    /** A coordinator's queue: the cases in this stage, oldest first. */
    public Flux<SecondOpinionCase> inStage(Stage stage) {
        return cases.findByStageOrderBySubmittedAtAsc(stage);
    }

    /**
     * The cases whose patient or caregiver the caller is, newest first. The people are sealed at rest ({@code
     * privacy.SealedPeople}): nothing can query their e-mail, so every case is opened and asked. Fine for thousands
     * of cases; a keyed hash of each party's e-mail stored beside the case would make it an indexed lookup.
     */
    public Flux<SecondOpinionCase> ofPatientSide(Caller caller) {
        return cases.findAll(Sort.by(Sort.Direction.DESC, "submittedAt")).filter(c -> c.isPatientSide(caller));
    }

    public Mono<SecondOpinionCase> find(String caseId) {
        return cases.findById(caseId).switchIfEmpty(Mono.error(() -> DomainProblem.notFound("case", caseId)));
    }

    public Mono<SecondOpinionCase> withdraw(String caseId, String reason) {
        return change(caseId, c -> c.withdraw(reason, clock.instant()));
    }

    /** Grants or withdraws consent for one purpose; withdrawing review withdraws the case. */
    public Mono<SecondOpinionCase> decideConsent(String caseId, ConsentPurpose purpose, boolean granted) {
        return change(caseId, c -> c.decideConsent(purpose, granted, clock.instant()));
    }

    /** Applies an inbound event; an event for a case intake never opened is ignored. */
    public Mono<SecondOpinionCase> apply(Envelope event) {
        return cases.findById(event.caseId())
                .flatMap(c -> c.apply(event) ? cases.save(c) : Mono.just(c))
                .retryWhen(ConcurrentChanges.retry("case " + event.caseId()));
    }

    private Mono<SecondOpinionCase> change(String caseId, Consumer<SecondOpinionCase> change) {
        // Re-read and re-apply on a concurrent update (an event applied meanwhile): optimistic locking.
        return find(caseId).flatMap(c -> {
            change.accept(c);
            return cases.save(c);
        }).retryWhen(ConcurrentChanges.retry("case " + caseId));
    }

    public record Submission(SecondOpinionCase request, boolean created) {
    }
}
