package org.consilium.intake.request;

import org.consilium.events.SubmittedDocument;

import java.time.LocalDate;
import java.util.List;

/**
 * A record the requester sent with the intake (a FHIR DocumentReference, DiagnosticReport,
 * ImagingStudy or MedicationStatement). Its metadata lives in the case; content that came inline
 * is kept beside it in GridFS under {@code attachmentId} for records-service to fetch (ADR 7).
 *
 * @param url          where the content is, when the sender gave a link instead of the bytes: shown to the
 *                     coordinator, never fetched by a service (an arbitrary URL is not ours to call)
 * @param attachmentId the stored content's id; {@code null} when no content came inline
 * @param sha256       the stored content's SHA-256 (hex); {@code null} without content
 * @param codes        what the sender said the record is, as {@code system|code}
 */
public record SubmittedRecord(String resourceType, String sourceId, String title, String contentType, Long size,
                              String url, LocalDate date, String attachmentId, String sha256, List<String> codes) {

    public SubmittedRecord {
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    /** Metadata only: no content came inline. */
    public SubmittedRecord(String resourceType, String sourceId, String title, String contentType, Long size,
                           String url, LocalDate date) {
        this(resourceType, sourceId, title, contentType, size, url, date, null, null, List.of());
    }

    public boolean hasContent() {
        return attachmentId != null;
    }

    /** What records-service is told: the fingerprint and codes, not the content. */
    public SubmittedDocument asDocument() {
        return new SubmittedDocument(attachmentId, title, contentType, size == null ? 0 : size, sha256, date, codes);
    }
}
