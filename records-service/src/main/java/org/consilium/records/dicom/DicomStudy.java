package org.consilium.records.dicom;

import java.time.LocalDate;

/**
 * The study a DICOM file belongs to, read from its header.
 *
 * @param studyInstanceUid (0020,000D)
 * @param modality         (0008,0060), e.g. CT, MR, PT
 * @param studyDate        (0008,0020), {@code null} when absent or unreadable
 */
public record DicomStudy(String studyInstanceUid, String modality, LocalDate studyDate) {
}
