package org.consilium.records.collection;

import org.consilium.events.Urgency;
import org.consilium.records.checklist.ItemCategory;
import org.consilium.records.dicom.DicomStudy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code GET /cases/{caseId}/records}: the checklist, what was received for each item and
 * whether it is still fresh, waivers, the override, the DICOM studies, and the case status.
 */
public record RecordsView(String caseId, String cancerType, String rule, Urgency urgency, Instant dueBy,
                          RecordsStatus status, Instant requestedAt, Instant completedAt, Instant cancelledAt,
                          String cancelReason, CoordinatorDecision override, Counts counts, List<Item> items,
                          List<Study> studies) {

    /**
     * RECEIVED: a document within the item's recency window; STALE: documents, all older than the
     * window; WAIVED: no fresh document, waived by a coordinator; MISSING: nothing yet.
     */
    public enum ItemStatus { MISSING, RECEIVED, STALE, WAIVED }

    /**
     * @param recencyDays the window for this case (the urgent one for URGENT cases), {@code null}: no expiry
     * @param staleReason why the item is STALE, {@code null} otherwise
     */
    public record Item(String code, String title, ItemCategory category, boolean required, ItemStatus status,
                       Integer recencyDays, String staleReason, CoordinatorDecision waiver,
                       List<RecordDocument> documents) {
    }

    /**
     * How far the collection is: {@code requiredMissing == 0} means every required item is received
     * and fresh, or waived. {@code requiredMissing} counts required items that are MISSING or STALE.
     */
    public record Counts(int items, int required, int received, int stale, int waived, int requiredReceived,
                         int requiredMissing, int documents, long bytes) {
    }

    /** A DICOM study, with the documents (series files) that belong to it. */
    public record Study(String studyInstanceUid, String modality, LocalDate studyDate, List<String> items,
                        List<String> documentIds) {
    }

    public static RecordsView of(CaseRecords r, Instant now) {
        LocalDate today = CaseRecords.today(now);
        List<Item> items = r.items().stream().map(i -> new Item(i.code(), i.title(), i.category(), i.required(),
                i.status(today), i.recencyDays(), i.staleReason(today).orElse(null), i.waiver(), i.documents())).toList();
        List<RecordDocument> documents = r.documents();
        Counts counts = new Counts(items.size(), count(items, Item::required),
                count(items, i -> i.status() == ItemStatus.RECEIVED), count(items, i -> i.status() == ItemStatus.STALE),
                count(items, i -> i.status() == ItemStatus.WAIVED),
                count(items, i -> i.required() && i.status() == ItemStatus.RECEIVED),
                count(items, i -> i.required() && (i.status() == ItemStatus.MISSING || i.status() == ItemStatus.STALE)),
                documents.size(), documents.stream().mapToLong(RecordDocument::size).sum());
        return new RecordsView(r.caseId(), r.cancerType(), r.rule(), r.urgency(), r.dueBy(), r.status(),
                r.requestedAt(), r.completedAt(), r.cancelledAt(), r.cancelReason(), r.override(), counts, items,
                studies(documents));
    }

    private static int count(List<Item> items, Predicate<Item> which) {
        return (int) items.stream().filter(which).count();
    }

    private static List<Study> studies(List<RecordDocument> documents) {
        Map<String, List<RecordDocument>> byStudy = new LinkedHashMap<>();
        documents.stream().filter(d -> d.dicom() != null && d.dicom().studyInstanceUid() != null)
                .sorted(Comparator.comparing(RecordDocument::uploadedAt))
                .forEach(d -> byStudy.computeIfAbsent(d.dicom().studyInstanceUid(), k -> new ArrayList<>()).add(d));
        return byStudy.values().stream().map(ds -> {
            DicomStudy first = ds.get(0).dicom();
            return new Study(first.studyInstanceUid(), first.modality(), first.studyDate(),
                    ds.stream().map(RecordDocument::item).distinct().toList(), ds.stream().map(RecordDocument::id).toList());
        }).toList();
    }
}
