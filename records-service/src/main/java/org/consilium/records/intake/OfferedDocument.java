package org.consilium.records.intake;

import org.consilium.events.SubmittedDocument;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A document that came with the intake and where its import stands.
 *
 * @param assignedItem the item a coordinator chose for it ({@code null}: from its codes)
 * @param item         the item it was imported into
 * @param documentId   the stored document holding its content (after IMPORTED; for a duplicate, the earlier one)
 * @param problem      why it was REJECTED, or the last transient failure while it stays PENDING
 * @param attempts     fetches tried so far
 */
public record OfferedDocument(String attachmentId, String title, String contentType, long size, String sha256,
                              LocalDate documentDate, List<String> codes, ImportState state, String assignedItem,
                              String item, String documentId, String problem, int attempts, Instant updatedAt) {

    public OfferedDocument {
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    public enum ImportState {
        /** Waiting for the checklist, or for the fetch to succeed. */
        PENDING,
        /** Stored as a document of the case. */
        IMPORTED,
        /** None of its codes names an item on the checklist: the coordinator chooses one. */
        UNASSIGNED,
        /** Refused by the same checks an upload passes (type, size, archive, altered content). */
        REJECTED
    }

    static OfferedDocument of(SubmittedDocument document, Instant now) {
        return new OfferedDocument(document.attachmentId(), document.title(), document.contentType(), document.size(),
                document.sha256(), document.documentDate(), document.codes(), ImportState.PENDING, null, null, null, null,
                0, now);
    }

    OfferedDocument imported(String intoItem, String asDocument, Instant now) {
        return new OfferedDocument(attachmentId, title, contentType, size, sha256, documentDate, codes,
                ImportState.IMPORTED, assignedItem, intoItem, asDocument, null, attempts + 1, now);
    }

    OfferedDocument unassigned(Instant now) {
        return new OfferedDocument(attachmentId, title, contentType, size, sha256, documentDate, codes,
                ImportState.UNASSIGNED, assignedItem, null, null, null, attempts, now);
    }

    OfferedDocument rejected(String why, Instant now) {
        return new OfferedDocument(attachmentId, title, contentType, size, sha256, documentDate, codes,
                ImportState.REJECTED, assignedItem, null, null, why, attempts + 1, now);
    }

    /** A fetch failed for a reason that may pass (intake restarting): still PENDING, the failure shown. */
    OfferedDocument failedOnce(String why, Instant now) {
        return new OfferedDocument(attachmentId, title, contentType, size, sha256, documentDate, codes,
                ImportState.PENDING, assignedItem, null, null, why, attempts + 1, now);
    }

    OfferedDocument assignedTo(String chosenItem, Instant now) {
        return new OfferedDocument(attachmentId, title, contentType, size, sha256, documentDate, codes,
                ImportState.PENDING, chosenItem, null, null, null, attempts, now);
    }

    public String filename() {
        return title == null || title.isBlank() ? "intake-" + attachmentId : title;
    }
}
