package org.consilium.records.intake;

import org.consilium.events.CaseSubmitted;
import org.consilium.records.RecordsProperties;
import org.consilium.records.collection.CaseRecords;
import org.consilium.records.collection.CaseRecordsStore;
import org.consilium.records.collection.ChecklistStarted;
import org.consilium.records.collection.DuplicateDocument;
import org.consilium.records.collection.RecordDocument;
import org.consilium.records.collection.RecordsStatus;
import org.consilium.records.intake.OfferedDocument.ImportState;
import org.consilium.records.upload.DocumentUploads;
import org.consilium.support.problem.DomainProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Turns the documents that came with a FHIR intake into documents of the case, with no one
 * uploading them again. It runs when either half arrives (CaseSubmitted names the documents,
 * RequestRecords brings the checklist; they come on different topics, in either order) and on a
 * schedule for what is still PENDING. Each document is fetched from intake-service and stored
 * through the same path as an upload (Tika, size, archive checks, duplicate check), checked
 * against the SHA-256 CaseSubmitted announced, and filed under the checklist item its codes name.
 */
@Service
public class IntakeDocumentImport {
    private static final Logger log = LoggerFactory.getLogger(IntakeDocumentImport.class);

    private final ReactiveMongoTemplate mongo;
    private final CaseRecordsStore records;
    private final DocumentUploads uploads;
    private final DocumentCodes codes;
    private final IntakeClient intake;
    private final RecordsProperties properties;
    private final Clock clock;
    /** Cases being imported in this instance; the flag asks the running import to go once more. */
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();

    public IntakeDocumentImport(ReactiveMongoTemplate mongo, CaseRecordsStore records, DocumentUploads uploads,
                                DocumentCodes codes, IntakeClient intake, RecordsProperties properties, Clock clock) {
        this.mongo = mongo;
        this.records = records;
        this.uploads = uploads;
        this.codes = codes;
        this.intake = intake;
        this.properties = properties;
        this.clock = clock;
    }

    /** CaseSubmitted: remember its documents (once, whatever the redeliveries), then import what can be. */
    public Mono<Void> offer(CaseSubmitted event) {
        if (event.documents().isEmpty()) {
            return Mono.empty();
        }
        IntakeDocuments offered = new IntakeDocuments(event.caseId(),
                event.documents().stream().map(d -> OfferedDocument.of(d, clock.instant())).toList());
        return mongo.insert(offered).then()
                .onErrorResume(DuplicateKeyException.class, repeated -> Mono.empty())
                .doOnSuccess(done -> importSoon(event.caseId()));
    }

    /** RequestRecords gave the case its checklist: documents that came first can be filed now. */
    @EventListener
    public void onChecklist(ChecklistStarted started) {
        importSoon(started.caseId());
    }

    /** Starts importing the case's PENDING documents in the background; failures stay PENDING for the sweep. */
    public void importSoon(String caseId) {
        importPending(caseId).subscribeOn(Schedulers.boundedElastic())
                .subscribe(null, e -> log.warn("case {}: importing intake documents failed: {}", caseId, e.toString()));
    }

    /** Imports the case's PENDING documents, if its checklist is there; one import per case at a time. */
    public Mono<Void> importPending(String caseId) {
        AtomicBoolean again = new AtomicBoolean();
        AtomicBoolean other = running.putIfAbsent(caseId, again);
        if (other != null) {
            other.set(true);
            return Mono.empty();
        }
        return Mono.defer(() -> importOnce(caseId)).repeat(() -> again.getAndSet(false)).then()
                .doFinally(signal -> running.remove(caseId, again));
    }

    private Mono<Void> importOnce(String caseId) {
        return Mono.zip(mongo.findById(caseId, IntakeDocuments.class), records.find(caseId))
                .filter(both -> both.getT2().status() != RecordsStatus.CANCELLED && !both.getT2().items().isEmpty())
                .flatMapMany(both -> Flux.fromIterable(both.getT1().documents())
                        .filter(d -> d.state() == ImportState.PENDING)
                        .concatMap(d -> importOne(caseId, d, both.getT2())))
                .concatMap(outcome -> save(caseId, outcome))
                .then();
    }

    private Mono<OfferedDocument> importOne(String caseId, OfferedDocument offered, CaseRecords caseRecords) {
        Optional<String> item = offered.assignedItem() != null
                ? Optional.of(offered.assignedItem()).filter(i -> caseRecords.item(i).isPresent())
                : codes.itemFor(offered.codes(), caseRecords);
        if (item.isEmpty()) {
            return Mono.just(offered.unassigned(clock.instant()));
        }
        Optional<RecordDocument> same = caseRecords.documentWithContent(offered.sha256());
        if (same.isPresent()) {
            return Mono.just(offered.imported(same.get().item(), same.get().id(), clock.instant()));
        }
        return uploads.finish(caseId, item.get(), offered.filename(), offered.contentType(), offered.documentDate(), null,
                        offered.sha256(), intake.content(caseId, offered.attachmentId()))
                .map(document -> {
                    log.info("case {}: intake attachment {} imported as document {} for {}", caseId,
                            offered.attachmentId(), document.id(), document.item());
                    return offered.imported(document.item(), document.id(), clock.instant());
                })
                .onErrorResume(e -> Mono.just(failed(caseId, offered, e)));
    }

    private OfferedDocument failed(String caseId, OfferedDocument offered, Throwable e) {
        if (e instanceof DuplicateDocument duplicate) {
            return offered.imported(duplicate.existingItem(), duplicate.existingDocumentId(), clock.instant());
        }
        if (e instanceof DomainProblem problem) {
            log.warn("case {}: intake attachment {} refused: {}", caseId, offered.attachmentId(), problem.getMessage());
            return offered.rejected(problem.slug() + ": " + problem.getMessage(), clock.instant());
        }
        if (e instanceof WebClientResponseException.NotFound) {
            return offered.rejected("intake-service has no attachment " + offered.attachmentId() + " for this case",
                    clock.instant());
        }
        String why = "fetching from intake-service failed: " + e;
        if (offered.attempts() + 1 >= properties.intake().maxAttempts()) {
            log.error("case {}: intake attachment {} given up after {} attempts: {}", caseId, offered.attachmentId(),
                    offered.attempts() + 1, e.toString());
            return offered.rejected(why + " (" + (offered.attempts() + 1) + " attempts)", clock.instant());
        }
        log.warn("case {}: intake attachment {} not fetched yet, attempt {}: {}", caseId, offered.attachmentId(),
                offered.attempts() + 1, e.toString());
        return offered.failedOnce(why, clock.instant());
    }

    /** Replaces one document's entry in place: the others may be changing concurrently. */
    Mono<Void> save(String caseId, OfferedDocument outcome) {
        return mongo.updateFirst(Query.query(where("_id").is(caseId).and("documents.attachmentId").is(outcome.attachmentId())),
                new Update().set("documents.$", outcome), IntakeDocuments.class).then();
    }
}
