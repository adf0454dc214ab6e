package org.consilium.records.upload;

import org.consilium.records.dicom.DicomStudy;

/** What was measured while a file streamed into GridFS; {@code dicom} only for a DICOM file. */
record StoredContent(long size, String sha256, String detectedContentType, DicomStudy dicom) {
}
