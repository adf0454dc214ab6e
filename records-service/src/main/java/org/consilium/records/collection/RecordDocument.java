package org.consilium.records.collection;

import org.consilium.records.dicom.DicomStudy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * A stored document: what the uploader declared, what was measured while it streamed in, and
 * where it is ({@code id} is the GridFS file id).
 *
 * @param documentDate the date the document was produced, as the uploader stated it ({@code null}: not stated,
 *                     a DICOM study's own date, else the upload date, counts for recency)
 * @param dicom        the study of a DICOM file, read from its header; {@code null} for anything else
 * @param declaredTypeMatches whether the declared content type agrees with the detected one (equal, an alias,
 *                     one a specialisation of the other, or nothing specific declared); {@code false} flags a
 *                     mislabelled file for the coordinator's verification, the file is served as detected
 * @param translationNeeded the language (BCP 47 tag) this document must be translated into; {@code null}: no
 *                     translation is pending (never asked for, or a translation was linked)
 * @param translatedInto the language a translation was asked for when one was linked, {@code null} otherwise
 * @param translations ids of the documents of the same case uploaded as translations of this one
 * @param translationOf for a translation: the id of the original document (same case), {@code null} otherwise
 * @param uploadedBy   who uploaded it: the token's username, {@code upload-link:<linkId>} through an upload
 *                     link; {@code null} when imported from the intake or stored while tokens were not enforced
 */
public record RecordDocument(String id, String caseId, String item, String filename, String declaredContentType,
                             String detectedContentType, long size, String sha256, Instant uploadedAt,
                             LocalDate documentDate, DicomStudy dicom, Boolean declaredTypeMatches,
                             String translationNeeded, String translatedInto, List<String> translations,
                             String translationOf, String uploadedBy) {

    @PersistenceCreator
    public RecordDocument {
        translations = translations == null ? List.of() : List.copyOf(translations);
    }

    public RecordDocument(String id, String caseId, String item, String filename, String declaredContentType,
                          String detectedContentType, long size, String sha256, Instant uploadedAt,
                          LocalDate documentDate, DicomStudy dicom, Boolean declaredTypeMatches) {
        this(id, caseId, item, filename, declaredContentType, detectedContentType, size, sha256, uploadedAt,
                documentDate, dicom, declaredTypeMatches, null, null, List.of(), null, null);
    }

    /** This document as uploaded by {@code username} (null: nobody known). */
    public RecordDocument uploadedBy(String username) {
        return new RecordDocument(id, caseId, item, filename, declaredContentType, detectedContentType, size, sha256,
                uploadedAt, documentDate, dicom, declaredTypeMatches, translationNeeded, translatedInto, translations,
                translationOf, username);
    }

    /** This document as a translation of {@code originalId}. */
    public RecordDocument asTranslationOf(String originalId) {
        return new RecordDocument(id, caseId, item, filename, declaredContentType, detectedContentType, size, sha256,
                uploadedAt, documentDate, dicom, declaredTypeMatches, translationNeeded, translatedInto, translations,
                originalId, uploadedBy);
    }

    RecordDocument needingTranslationInto(String language) {
        return new RecordDocument(id, caseId, item, filename, declaredContentType, detectedContentType, size, sha256,
                uploadedAt, documentDate, dicom, declaredTypeMatches, language, translatedInto, translations,
                translationOf, uploadedBy);
    }

    /** A translation was linked: the need is met (the language asked for is kept as {@code translatedInto}). */
    RecordDocument translatedBy(String translationId) {
        List<String> more = new ArrayList<>(translations);
        more.add(translationId);
        return new RecordDocument(id, caseId, item, filename, declaredContentType, detectedContentType, size, sha256,
                uploadedAt, documentDate, dicom, declaredTypeMatches, null,
                translationNeeded != null ? translationNeeded : translatedInto, more, translationOf, uploadedBy);
    }

    /**
     * The date recency windows count from: the date the uploader stated (or the FHIR DocumentReference
     * carried), else the date the file itself records (a DICOM study's Study Date), else the upload date
     * (UTC). An old scan uploaded today is as old as the scan, not as the upload (issue 11).
     */
    public LocalDate producedOn() {
        if (documentDate != null) {
            return documentDate;
        }
        if (dicom != null && dicom.studyDate() != null) {
            return dicom.studyDate();
        }
        return LocalDate.ofInstant(uploadedAt, ZoneOffset.UTC);
    }
}
