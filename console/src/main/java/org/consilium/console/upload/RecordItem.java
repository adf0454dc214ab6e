package org.consilium.console.upload;

import java.util.List;
import java.util.Locale;

/**
 * One checklist item as records-service tells it: the patient's whole checklist ({@code GET /cases/{id}/records})
 * or the link's wanted items ({@code GET /upload-link/checklist}, which has no documents).
 *
 * @param status      MISSING, RECEIVED, STALE or WAIVED
 * @param recencyDays how recent a document must be to count; null: no expiry
 */
record RecordItem(String code, String title, String category, boolean required, String status, Integer recencyDays,
                  List<Object> documents) {

    /** Whether the panel still waits for it: nothing yet, or only documents older than its window. */
    boolean wanted() {
        return "MISSING".equals(status) || "STALE".equals(status);
    }

    int documentCount() {
        return documents == null ? 0 : documents.size();
    }

    String categoryKey() {
        return category == null ? "other" : category.toLowerCase(Locale.ROOT);
    }

    /** The checklist from records ({@code items} is all the pages read of it). */
    record Checklist(String caseId, String status, List<RecordItem> items) {
    }

    /** The link's page: only what is still wanted, who the link is for and until when it works. */
    record LinkChecklist(String caseId, String label, java.time.Instant expiresAt, List<RecordItem> items) {
    }
}
