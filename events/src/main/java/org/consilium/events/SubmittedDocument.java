package org.consilium.events;

import java.time.LocalDate;
import java.util.List;

/**
 * A document that came with the intake (an attachment of a FHIR Bundle): its fingerprint and
 * codes, never its content. The content stays with intake-service under {@code attachmentId};
 * records-service fetches it from there and checks it against {@code sha256} (a claim check:
 * docs/adr/0007).
 *
 * @param codes        what the sender said the document is, as {@code system|code} (LOINC document types,
 *                     or a checklist item in Consilium's own code system); records-service maps them to a
 *                     checklist item
 * @param documentDate the date the document was produced, when the sender stated it
 */
public record SubmittedDocument(String attachmentId, String title, String contentType, long size, String sha256,
                                LocalDate documentDate, List<String> codes) {
    public SubmittedDocument {
        codes = codes == null ? List.of() : List.copyOf(codes);
    }
}
