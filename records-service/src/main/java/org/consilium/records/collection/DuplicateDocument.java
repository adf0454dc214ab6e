package org.consilium.records.collection;

import org.consilium.support.problem.DomainProblem;
import org.springframework.http.HttpStatus;

/** The same content (same SHA-256) was already uploaded to the case: 409 naming the document that holds it. */
public class DuplicateDocument extends DomainProblem {
    private final String existingDocumentId;
    private final String existingItem;

    public DuplicateDocument(String caseId, RecordDocument existing) {
        super(HttpStatus.CONFLICT, "duplicate-document", "case " + caseId + " already has this content (SHA-256 "
                + existing.sha256() + ") as document " + existing.id() + " for item " + existing.item()
                + "; nothing was stored");
        this.existingDocumentId = existing.id();
        this.existingItem = existing.item();
    }

    public String existingDocumentId() {
        return existingDocumentId;
    }

    public String existingItem() {
        return existingItem;
    }
}
