package org.consilium.records.dicom;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class DicomHeaderTest {
    private static final String UID = "1.2.826.0.1.3680043.8.498.12345";

    @Test
    void readsStudyModalityAndDateInExplicitVrLittleEndian() {
        byte[] file = TinyDicom.ct(UID, "CT", "20261101", TinyDicom.EXPLICIT_LE, 64);
        assertThat(DicomHeader.isDicom(file)).isTrue();
        assertThat(DicomHeader.study(file)).contains(new DicomStudy(UID, "CT", LocalDate.of(2026, 11, 1)));
    }

    @Test
    void readsImplicitVrLittleEndianToo() {
        byte[] file = TinyDicom.ct(UID + "1", "MR", "20250704", TinyDicom.IMPLICIT_LE, 64);
        assertThat(DicomHeader.study(file)).contains(new DicomStudy(UID + "1", "MR", LocalDate.of(2025, 7, 4)));
    }

    @Test
    void aMissingDateOrModalityIsNullButTheStudyIsStillListed() {
        assertThat(DicomHeader.study(TinyDicom.ct(UID, null, null, TinyDicom.EXPLICIT_LE, 0)))
                .contains(new DicomStudy(UID, null, null));
        assertThat(DicomHeader.study(TinyDicom.ct(UID, "PT", "not-a-date", TinyDicom.EXPLICIT_LE, 0)))
                .contains(new DicomStudy(UID, "PT", null));
    }

    @Test
    void noStudyUidNoStudy() {
        assertThat(DicomHeader.study(TinyDicom.ct(null, "CT", "20261101", TinyDicom.EXPLICIT_LE, 0))).isEmpty();
    }

    @Test
    void truncatedOrGarbageHeadersGiveNothingAndNeverThrow() {
        byte[] file = TinyDicom.ct(UID, "CT", "20261101", TinyDicom.EXPLICIT_LE, 0);
        for (int length = 0; length < file.length; length += 7) {
            byte[] truncated = Arrays.copyOf(file, length);
            assertThat(DicomHeader.study(truncated)).as("first %d bytes", length)
                    .satisfiesAnyOf(s -> assertThat(s).isEmpty(), s -> assertThat(s).get().extracting(DicomStudy::studyInstanceUid)
                            .isEqualTo(UID));
        }
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        System.arraycopy("DICM".getBytes(StandardCharsets.US_ASCII), 0, garbage, 128, 4);
        assertThat(DicomHeader.study(garbage)).isEmpty();
        assertThat(DicomHeader.isDicom("%PDF-1.4".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void bigEndianIsNotRead() {
        assertThat(DicomHeader.study(TinyDicom.ct(UID, "CT", "20261101", "1.2.840.10008.1.2.2", 0))).isEmpty();
    }
}
