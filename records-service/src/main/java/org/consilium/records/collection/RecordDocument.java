package org.consilium.records.collection;

import org.consilium.records.dicom.DicomStudy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A stored document: what the uploader declared, what was measured while it streamed in, and
 * where it is ({@code id} is the GridFS file id).
 *
 * @param documentDate the date the document was produced, as the uploader stated it ({@code null}: not stated,
 *                     the upload date counts for recency)
 * @param dicom        the study of a DICOM file, read from its header; {@code null} for anything else
 * @param declaredTypeMatches whether the declared content type agrees with the detected one (equal, an alias,
 *                     one a specialisation of the other, or nothing specific declared); {@code false} flags a
 *                     mislabelled file for the coordinator's verification, the file is served as detected
 */
public record RecordDocument(String id, String caseId, String item, String filename, String declaredContentType,
                             String detectedContentType, long size, String sha256, Instant uploadedAt,
                             LocalDate documentDate, DicomStudy dicom, Boolean declaredTypeMatches) {

    /** The date recency windows count from: the stated document date, else the upload date (UTC). */
    public LocalDate producedOn() {
        return documentDate != null ? documentDate : LocalDate.ofInstant(uploadedAt, ZoneOffset.UTC);
    }
}
