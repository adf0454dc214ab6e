package org.consilium.records.collection;

import org.consilium.events.Urgency;
import org.consilium.records.checklist.ItemCategory;

import java.time.Instant;
import java.util.List;

/** {@code GET /cases/{caseId}/records}: the checklist, what was received for each item, and the case status. */
public record RecordsView(String caseId, String cancerType, String rule, Urgency urgency, Instant dueBy,
                          RecordsStatus status, Instant requestedAt, Instant completedAt, Instant cancelledAt,
                          String cancelReason, Counts counts, List<Item> items) {

    public enum ItemStatus { MISSING, RECEIVED }

    public record Item(String code, String title, ItemCategory category, boolean required, ItemStatus status,
                       List<RecordDocument> documents) {
    }

    /** How far the collection is: {@code requiredMissing == 0} means complete. */
    public record Counts(int items, int required, int received, int requiredReceived, int requiredMissing,
                         int documents, long bytes) {
    }

    public static RecordsView of(CaseRecords r) {
        List<RequestedItem> items = r.items();
        int required = (int) items.stream().filter(RequestedItem::required).count();
        int requiredReceived = (int) items.stream().filter(i -> i.required() && i.received()).count();
        List<RecordDocument> documents = r.documents();
        Counts counts = new Counts(items.size(), required, (int) items.stream().filter(RequestedItem::received).count(),
                requiredReceived, required - requiredReceived, documents.size(),
                documents.stream().mapToLong(RecordDocument::size).sum());
        return new RecordsView(r.caseId(), r.cancerType(), r.rule(), r.urgency(), r.dueBy(), r.status(),
                r.requestedAt(), r.completedAt(), r.cancelledAt(), r.cancelReason(), counts,
                items.stream().map(i -> new Item(i.code(), i.title(), i.category(), i.required(),
                        i.received() ? ItemStatus.RECEIVED : ItemStatus.MISSING, i.documents())).toList());
    }
}
