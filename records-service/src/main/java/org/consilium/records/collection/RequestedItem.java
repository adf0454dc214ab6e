package org.consilium.records.collection;

import org.consilium.records.checklist.ChecklistItem;
import org.consilium.records.checklist.ItemCategory;

import java.util.ArrayList;
import java.util.List;

/** A checklist item of one case and the documents received for it. */
public record RequestedItem(String code, String title, ItemCategory category, boolean required,
                            List<RecordDocument> documents) {
    public RequestedItem {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    static RequestedItem of(ChecklistItem item) {
        return new RequestedItem(item.code(), item.title(), item.category(), item.required(), List.of());
    }

    public boolean received() {
        return !documents.isEmpty();
    }

    RequestedItem with(RecordDocument document) {
        List<RecordDocument> more = new ArrayList<>(documents);
        more.add(document);
        return new RequestedItem(code, title, category, required, more);
    }
}
