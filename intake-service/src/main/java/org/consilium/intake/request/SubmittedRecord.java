package org.consilium.intake.request;

import java.time.LocalDate;

/**
 * A record the requester sent with the intake (a FHIR DocumentReference, DiagnosticReport,
 * ImagingStudy or MedicationStatement): its metadata only. Attachment bytes are neither stored
 * here nor published; handing them to records-service is still to do.
 */
public record SubmittedRecord(String resourceType, String sourceId, String title, String contentType, Long size,
                              String url, LocalDate date) {
}
