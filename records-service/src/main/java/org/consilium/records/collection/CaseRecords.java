package org.consilium.records.collection;

import org.consilium.events.CancelCase;
import org.consilium.events.CaseMessage;
import org.consilium.events.DocumentReceived;
import org.consilium.events.Envelope;
import org.consilium.events.RecordsCompleted;
import org.consilium.events.RecordsIncomplete;
import org.consilium.events.RequestRecords;
import org.consilium.events.Urgency;
import org.consilium.records.checklist.Checklist;
import org.consilium.support.outbox.OutboxEntry;
import org.consilium.support.problem.DomainProblem;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.index.CompoundIndex;

/**
 * The records of one case: its checklist, the documents received per item, and whether the
 * collection is complete. One MongoDB document holds the state, the events it raised
 * ({@code outbox}) and the ids of the commands it applied, so each change and its events are
 * stored together. {@link CaseRecordsStore} writes only what changed: new outbox entries are
 * pushed, never rewritten, so the relay removing sent ones concurrently cannot resurrect them.
 */
@Document(CaseRecords.COLLECTION)
// the cases still collecting, re-checked for stale records (RecencyRecheck)
@CompoundIndex(name = "status", def = "{'status': 1}")
public class CaseRecords {
    public static final String COLLECTION = "caseRecords";

    @Id
    private final String caseId;
    @Version
    private Long version;
    private final String cancerType;
    private final String rule;
    private final Urgency urgency;
    private final Instant dueBy;
    private final Instant requestedAt;
    private RecordsStatus status;
    private final List<RequestedItem> items;
    private Instant completedAt;
    private Instant cancelledAt;
    private String cancelReason;
    private CoordinatorDecision override;
    private IncompleteNotice lastIncomplete;
    private final List<OutboxEntry> outbox;
    private final List<String> appliedEvents;
    @Transient
    private final List<OutboxEntry> raised = new ArrayList<>();
    @Transient
    private final List<String> newlyApplied = new ArrayList<>();

    @PersistenceCreator
    CaseRecords(String caseId, Long version, String cancerType, String rule, Urgency urgency, Instant dueBy,
                Instant requestedAt, RecordsStatus status, List<RequestedItem> items, Instant completedAt,
                Instant cancelledAt, String cancelReason, CoordinatorDecision override, IncompleteNotice lastIncomplete,
                List<OutboxEntry> outbox, List<String> appliedEvents) {
        this.caseId = caseId;
        this.version = version;
        this.cancerType = cancerType;
        this.rule = rule;
        this.urgency = urgency;
        this.dueBy = dueBy;
        this.requestedAt = requestedAt;
        this.status = status;
        this.items = new ArrayList<>(items == null ? List.of() : items);
        this.completedAt = completedAt;
        this.cancelledAt = cancelledAt;
        this.cancelReason = cancelReason;
        this.override = override;
        this.lastIncomplete = lastIncomplete;
        this.outbox = new ArrayList<>(outbox == null ? List.of() : outbox);
        this.appliedEvents = new ArrayList<>(appliedEvents == null ? List.of() : appliedEvents);
    }

    /**
     * RequestRecords: start collecting against the checklist the rules give for the cancer type,
     * with the recency windows of the case's urgency; raises the first RecordsIncomplete.
     */
    public static CaseRecords request(RequestRecords command, String commandId, Checklist checklist, Instant now) {
        CaseRecords records = new CaseRecords(command.caseId(), null, command.cancerType(), checklist.rule(),
                command.urgency(), command.dueBy(), now, RecordsStatus.COLLECTING,
                checklist.items().stream().map(i -> RequestedItem.of(i, command.urgency())).toList(), null, null, null,
                null, null, null, null);
        records.remember(commandId);
        records.review(now);
        return records;
    }

    /** CancelCase before RequestRecords (an early command): keep the case cancelled so a late request starts nothing. */
    public static CaseRecords cancelledBeforeRequest(CancelCase command, String commandId, Instant now) {
        CaseRecords records = new CaseRecords(command.caseId(), null, null, null, null, null, null,
                RecordsStatus.CANCELLED, List.of(), null, now, command.reason(), null, null, null, null);
        records.remember(commandId);
        return records;
    }

    public boolean hasApplied(String commandId) {
        return appliedEvents.contains(commandId);
    }

    /** Another RequestRecords for a case that has its checklist: the first one stands; only remember the id. */
    public boolean requestAgain(String commandId) {
        if (hasApplied(commandId)) {
            return false;
        }
        remember(commandId);
        return true;
    }

    public boolean cancel(CancelCase command, String commandId, Instant now) {
        if (hasApplied(commandId)) {
            return false;
        }
        remember(commandId);
        if (status != RecordsStatus.CANCELLED) {
            status = RecordsStatus.CANCELLED;
            cancelledAt = now;
            cancelReason = command.reason();
        }
        return true;
    }

    /** Whether the case takes documents at all; a 409 problem once it was cancelled. */
    public void checkOpen() {
        if (status == RecordsStatus.CANCELLED) {
            throw DomainProblem.conflict("case-cancelled", "case " + caseId + " was cancelled and takes no more documents");
        }
    }

    /** Whether a document for this item may be stored now; throws the problem to answer if not. */
    public void checkAccepts(String itemCode) {
        checkOpen();
        if (item(itemCode).isEmpty()) {
            throw DomainProblem.badRequest("unknown-checklist-item", "item '" + itemCode
                    + "' is not on the checklist of case " + caseId + "; valid items: "
                    + items.stream().map(RequestedItem::code).collect(Collectors.joining(", ")));
        }
    }

    /**
     * Attaches a stored document: raises DocumentReceived and then, while collecting, either
     * RecordsCompleted (the first time every required item is received and fresh, or waived) or
     * RecordsIncomplete (when the missing or stale items changed). Event ids derive from the
     * document and the case, so even a repeated publication is recognisable downstream. False if
     * the document was attached before; a 409 {@link DuplicateDocument} if the case already has
     * the same content.
     */
    public boolean attach(RecordDocument document, Instant now) {
        checkAccepts(document.item());
        if (documents().stream().anyMatch(d -> d.id().equals(document.id()))) {
            return false;
        }
        Optional<RecordDocument> same = documentWithContent(document.sha256());
        if (same.isPresent()) {
            throw new DuplicateDocument(caseId, same.get());
        }
        if (document.translationOf() != null) {
            RecordDocument original = checkTranslatable(document.translationOf());
            replace(original.translatedBy(document.id()));
        }
        items.replaceAll(i -> i.code().equals(document.item()) ? i.with(document) : i);
        raise(new DocumentReceived(caseId, document.id(), document.item(), document.detectedContentType(),
                document.size(), document.sha256(), now), Envelope.derivedId("DocumentReceived", document.id()), now);
        review(now);
        return true;
    }

    /**
     * The document a translation is uploaded for: it must be a document of this case. A 400
     * {@code unknown-original-document} otherwise (a document of another case is unknown here).
     */
    public RecordDocument checkTranslatable(String originalId) {
        checkOpen();
        return document(originalId).orElseThrow(() -> DomainProblem.badRequest("unknown-original-document",
                "translationOf '" + originalId + "' is not a document of case " + caseId
                        + ": a translation is linked to a document of the same case"));
    }

    /** Marks a document as needing translation into {@code language}; 404 for an unknown document, 409 if cancelled. */
    public boolean needTranslation(String documentId, String language) {
        checkOpen();
        RecordDocument document = document(documentId).orElseThrow(() -> DomainProblem.notFound("document",
                documentId + " of case " + caseId));
        if (language.equals(document.translationNeeded())) {
            return false;
        }
        replace(document.needingTranslationInto(language));
        return true;
    }

    private void replace(RecordDocument changed) {
        items.replaceAll(i -> i.documents().stream().anyMatch(d -> d.id().equals(changed.id())) ? i.replacing(changed) : i);
    }

    /** The case already has this content: the document holding it. */
    public Optional<RecordDocument> documentWithContent(String sha256) {
        return documents().stream().filter(d -> d.sha256().equals(sha256)).findFirst();
    }

    /**
     * A coordinator waives an item: it counts as satisfied without a (fresh) document. 404 for an
     * item not on the checklist, 409 when the case is cancelled or complete or the item is waived already.
     */
    public boolean waive(String itemCode, CoordinatorDecision decision, Instant now) {
        checkUndecided();
        RequestedItem item = item(itemCode).orElseThrow(() -> DomainProblem.notFound("checklist item", itemCode
                + " of case " + caseId));
        if (item.waiver() != null) {
            throw DomainProblem.conflict("item-already-waived", "item " + itemCode + " was waived by "
                    + item.waiver().by() + " at " + item.waiver().at());
        }
        items.replaceAll(i -> i.code().equals(itemCode) ? i.waived(decision) : i);
        review(now);
        return true;
    }

    /** A coordinator overrides completeness: the records are complete now, whatever is missing. 409 if cancelled or complete. */
    public boolean overrideCompleteness(CoordinatorDecision decision, Instant now) {
        checkUndecided();
        override = decision;
        complete(now);
        return true;
    }

    private void checkUndecided() {
        checkOpen();
        if (status == RecordsStatus.COMPLETE) {
            throw DomainProblem.conflict("records-complete", "the records of case " + caseId + " are complete since "
                    + completedAt + "; there is nothing to waive or override");
        }
    }

    /**
     * Time passed: documents may have aged past their windows. While collecting, raises
     * RecordsIncomplete if the missing or stale items changed since the last one; true if it did.
     */
    public boolean recheck(Instant now) {
        int before = raised.size();
        review(now);
        return raised.size() > before;
    }

    /** Required items with no document at all (and no waiver), in checklist order. */
    public List<String> missingItems(LocalDate today) {
        return requiredWith(RecordsView.ItemStatus.MISSING, today);
    }

    /** Required items whose documents are all older than their window (and no waiver), in checklist order. */
    public List<String> staleItems(LocalDate today) {
        return requiredWith(RecordsView.ItemStatus.STALE, today);
    }

    private List<String> requiredWith(RecordsView.ItemStatus wanted, LocalDate today) {
        return items.stream().filter(i -> i.required() && i.status(today) == wanted).map(RequestedItem::code).toList();
    }

    /** While collecting: complete when every required item is satisfied, else say what is lacking when that changed. */
    private void review(Instant now) {
        if (status != RecordsStatus.COLLECTING) {
            return;
        }
        LocalDate today = today(now);
        List<String> missing = missingItems(today);
        List<String> stale = staleItems(today);
        if (missing.isEmpty() && stale.isEmpty()) {
            complete(now);
        } else if (lastIncomplete == null || !lastIncomplete.names(missing, stale)) {
            lastIncomplete = new IncompleteNotice(lastIncomplete == null ? 1 : lastIncomplete.sequence() + 1, missing, stale);
            raise(new RecordsIncomplete(caseId, missing, stale, now),
                    Envelope.derivedId("RecordsIncomplete", caseId, String.valueOf(lastIncomplete.sequence())), now);
        }
    }

    private void complete(Instant now) {
        status = RecordsStatus.COMPLETE;
        completedAt = now;
        raise(new RecordsCompleted(caseId, documents().size(), now), Envelope.derivedId("RecordsCompleted", caseId), now);
    }

    public static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    private void raise(CaseMessage event, String eventId, Instant now) {
        OutboxEntry entry = OutboxEntry.of(event, eventId, now);
        outbox.add(entry);
        raised.add(entry);
    }

    private void remember(String commandId) {
        appliedEvents.add(commandId);
        newlyApplied.add(commandId);
    }

    public Optional<RequestedItem> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public Optional<RecordDocument> document(String documentId) {
        return documents().stream().filter(d -> d.id().equals(documentId)).findFirst();
    }

    public List<RecordDocument> documents() {
        return items.stream().flatMap(i -> i.documents().stream()).toList();
    }

    public String caseId() {
        return caseId;
    }

    public Long version() {
        return version;
    }

    public String cancerType() {
        return cancerType;
    }

    public String rule() {
        return rule;
    }

    public Urgency urgency() {
        return urgency;
    }

    public Instant dueBy() {
        return dueBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public RecordsStatus status() {
        return status;
    }

    public List<RequestedItem> items() {
        return List.copyOf(items);
    }

    public Instant completedAt() {
        return completedAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public CoordinatorDecision override() {
        return override;
    }

    public IncompleteNotice lastIncomplete() {
        return lastIncomplete;
    }

    /** Commands applied since this instance was loaded or created, to be added to {@code appliedEvents}. */
    List<String> newlyApplied() {
        return List.copyOf(newlyApplied);
    }

    /** Events raised since this instance was loaded or created, to be pushed onto {@code outbox}. */
    List<OutboxEntry> raised() {
        return List.copyOf(raised);
    }

    List<String> appliedEvents() {
        return List.copyOf(appliedEvents);
    }
}
