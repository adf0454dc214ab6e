package org.consilium.records.collection;

import org.consilium.events.Urgency;
import org.consilium.records.checklist.ChecklistItem;
import org.consilium.records.checklist.ItemCategory;
import org.consilium.records.collection.RecordsView.ItemStatus;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A checklist item of one case, the documents received for it and a coordinator's waiver.
 *
 * @param recencyDays the window that applies to this case (the urgent one for an URGENT case), fixed when the
 *                    checklist was built; {@code null}: documents never go stale
 */
public record RequestedItem(String code, String title, ItemCategory category, boolean required, Integer recencyDays,
                            CoordinatorDecision waiver, List<RecordDocument> documents) {
    public RequestedItem {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    static RequestedItem of(ChecklistItem item, Urgency urgency) {
        return new RequestedItem(item.code(), item.title(), item.category(), item.required(),
                item.recencyDaysFor(urgency), null, List.of());
    }

    public boolean received() {
        return !documents.isEmpty();
    }

    /**
     * RECEIVED when a document is within the window (or there is no window), else WAIVED when a
     * coordinator waived the item, else STALE when every document is too old, else MISSING.
     */
    public ItemStatus status(LocalDate today) {
        if (documents.stream().anyMatch(d -> fresh(d, today))) {
            return ItemStatus.RECEIVED;
        }
        if (waiver != null) {
            return ItemStatus.WAIVED;
        }
        return documents.isEmpty() ? ItemStatus.MISSING : ItemStatus.STALE;
    }

    /** Counts towards completeness: received and fresh, or waived. */
    public boolean satisfied(LocalDate today) {
        ItemStatus status = status(today);
        return status == ItemStatus.RECEIVED || status == ItemStatus.WAIVED;
    }

    /** Why the item is STALE (its newest document's date, age and the window), empty otherwise. */
    public Optional<String> staleReason(LocalDate today) {
        if (status(today) != ItemStatus.STALE) {
            return Optional.empty();
        }
        LocalDate newest = documents.stream().map(RecordDocument::producedOn).max(Comparator.naturalOrder()).orElseThrow();
        return Optional.of("the newest document is dated " + newest + ", " + ChronoUnit.DAYS.between(newest, today)
                + " days ago; documents for this item count for " + recencyDays
                + " days: upload a newer one or ask a coordinator to waive the item");
    }

    boolean fresh(RecordDocument document, LocalDate today) {
        return recencyDays == null || ChronoUnit.DAYS.between(document.producedOn(), today) <= recencyDays;
    }

    RequestedItem with(RecordDocument document) {
        List<RecordDocument> more = new ArrayList<>(documents);
        more.add(document);
        return new RequestedItem(code, title, category, required, recencyDays, waiver, more);
    }

    /** The item with one of its documents replaced by a changed copy (same id). */
    RequestedItem replacing(RecordDocument changed) {
        List<RecordDocument> updated = documents.stream().map(d -> d.id().equals(changed.id()) ? changed : d).toList();
        return new RequestedItem(code, title, category, required, recencyDays, waiver, updated);
    }

    RequestedItem waived(CoordinatorDecision decision) {
        return new RequestedItem(code, title, category, required, recencyDays, decision, documents);
    }
}
