package org.consilium.records.intake;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;
import org.springframework.data.mongodb.core.index.CompoundIndex;

/**
 * The documents that came with a case's intake, one MongoDB document per case. Kept apart from
 * the case's records: it exists from {@code CaseSubmitted} on, usually before records-service
 * has a checklist for the case, and only its import outcome touches the records. Each document's
 * entry is replaced in place ({@code documents.$}), so concurrent outcomes never overwrite each other.
 */
@Document(IntakeDocuments.COLLECTION)
// the sweep of documents still to fetch from intake (IntakeImportSweep: documents.state PENDING)
@CompoundIndex(name = "document_state", def = "{'documents.state': 1}")
public record IntakeDocuments(@Id String caseId, List<OfferedDocument> documents) {
    public static final String COLLECTION = "intakeDocuments";

    public IntakeDocuments {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    public boolean hasPending() {
        return documents.stream().anyMatch(d -> d.state() == OfferedDocument.ImportState.PENDING);
    }
}
