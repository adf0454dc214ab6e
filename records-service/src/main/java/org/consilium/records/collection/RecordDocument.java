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
 * @param documentDate the date the document was produced, as the uploader stated it (or, for a document that came
 *                     with a hospital's FHIR Bundle, as its DocumentReference dated it); {@code null}: not stated, the
 *                     file's own date counts for recency (see {@link #producedOn()})
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
 * @param pdfDate      the date a PDF's own metadata gives (creation, else modification; implausible ones ignored),
 *                     read only when no {@code documentDate} was stated; {@code null} otherwise and for other files
 */
public record RecordDocument(String id, String caseId, String item, String filename, String declaredContentType,
                             String detectedContentType, long size, String sha256, Instant uploadedAt,
                             LocalDate documentDate, DicomStudy dicom, Boolean declaredTypeMatches,
                             String translationNeeded, String translatedInto, List<String> translations,
                             String translationOf, String uploadedBy, LocalDate pdfDate) {

    @PersistenceCreator
    public RecordDocument {
        translations = translations == null ? List.of() : List.copyOf(translations);
    }

    public RecordDocument(String id, String caseId, String item, String filename, String declaredContentType,
                          String detectedContentType, long size, String sha256, Instant uploadedAt,
                          LocalDate documentDate, DicomStudy dicom, Boolean declaredTypeMatches) {
        this(id, caseId, item, filename, declaredContentType, detectedContentType, size, sha256, uploadedAt,
                documentDate, dicom, declaredTypeMatches, null, null, List.of(), null, null, null);
    }

    /** This document with the date its PDF metadata gives ({@code null}: none). */
    public RecordDocument withPdfDate(LocalDate date) {
        return new RecordDocument(id, caseId, item, filename, declaredContentType, detectedContentType, size, sha256,
                uploadedAt, documentDate, dicom, declaredTypeMatches, translationNeeded, translatedInto, translations,
                translationOf, uploadedBy, date);
    }

    /** This document as uploaded by {@code username} (null: nobody known). */
    public RecordDocument uploadedBy(String username) {
        return new RecordDocument(id, caseId, item, filename, declaredContentType, detectedContentType, size, sha256,
                uploadedAt, documentDate, dicom, declaredTypeMatches, translationNeeded, translatedInto, translations,
                translationOf, username, pdfDate);
    }

    /** This document as a translation of {@code originalId}. */
    public RecordDocument asTranslationOf(String originalId) {
        return new RecordDocument(id, caseId, item, filename, declaredContentType, detectedContentType, size, sha256,
                uploadedAt, documentDate, dicom, declaredTypeMatches, translationNeeded, translatedInto, translations,
                originalId, uploadedBy, pdfDate);
    }

    RecordDocument needingTranslationInto(String language) {
        return new RecordDocument(id, caseId, item, filename, declaredContentType, detectedContentType, size, sha256,
                uploadedAt, documentDate, dicom, declaredTypeMatches, language, translatedInto, translations,
                translationOf, uploadedBy, pdfDate);
    }

    /** A translation was linked: the need is met (the language asked for is kept as {@code translatedInto}). */
    RecordDocument translatedBy(String translationId) {
        List<String> more = new ArrayList<>(translations);
        more.add(translationId);
        return new RecordDocument(id, caseId, item, filename, declaredContentType, detectedContentType, size, sha256,
                uploadedAt, documentDate, dicom, declaredTypeMatches, null,
                translationNeeded != null ? translationNeeded : translatedInto, more, translationOf, uploadedBy,
                pdfDate);
    }

    /**
     * The date recency windows count from: the date the uploader stated (or the FHIR DocumentReference
     * carried), else the date the file itself records (a DICOM study's Study Date, a PDF's metadata date),
     * else the upload date (UTC). An old scan or report uploaded today is as old as itself, not as the
     * upload (issue 11). A stated date wins because it is someone's word about the content, while a file's
     * own date may only say when the file was written: a hospital portal renders a years-old report into a
     * PDF created the day it is downloaded.
     */
    public LocalDate producedOn() {
        if (documentDate != null) {
            return documentDate;
        }
        if (dicom != null && dicom.studyDate() != null) {
            return dicom.studyDate();
        }
        if (pdfDate != null) {
            return pdfDate;
        }
        return LocalDate.ofInstant(uploadedAt, ZoneOffset.UTC);
    }
}
