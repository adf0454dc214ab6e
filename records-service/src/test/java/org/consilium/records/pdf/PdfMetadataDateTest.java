package org.consilium.records.pdf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Real PDFs made with PDFBox, read back as records-service reads an upload. */
class PdfMetadataDateTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @TempDir
    Path dir;

    @Test
    void theCreationDateOfTheDocumentInformationWinsOverTheModificationDate() throws IOException {
        assertThat(read(TinyPdf.of("CT report").created(TinyPdf.noonUtc(TODAY.minusDays(70)))
                .modified(TinyPdf.noonUtc(TODAY.minusDays(2)))))
                .contains(TODAY.minusDays(70));
    }

    @Test
    void withoutACreationDateTheModificationDateCounts() throws IOException {
        assertThat(read(TinyPdf.of("CT report").modified(TinyPdf.noonUtc(TODAY.minusDays(40)))))
                .contains(TODAY.minusDays(40));
    }

    @Test
    void anXmpCreateDateCountsWhenTheDocumentInformationHasNone() throws IOException {
        assertThat(read(TinyPdf.of("PET-CT report").xmpCreated(TinyPdf.noonUtc(TODAY.minusDays(65)))
                .modified(TinyPdf.noonUtc(TODAY.minusDays(1)))))
                .as("a creation date in XMP comes before any modification date").contains(TODAY.minusDays(65));
    }

    @Test
    void theDayIsTheOneTheProducerWroteInItsOwnTimeZone() throws IOException {
        // 23:30 in Jakarta is 16:30 UTC the same day; 00:30 in Jakarta is the previous day in UTC
        LocalDate day = TODAY.minusDays(10);
        assertThat(read(TinyPdf.of("letter").created(TinyPdf.at(day, 0, ZoneId.of("Asia/Jakarta"))))).contains(day);
    }

    @Test
    void aDateInTheFutureOrBeforePdfExistedIsIgnored() throws IOException {
        assertThat(read(TinyPdf.of("a").created(TinyPdf.noonUtc(TODAY.plusDays(1))))).isEmpty();
        assertThat(read(TinyPdf.of("b").created(TinyPdf.noonUtc(LocalDate.of(1970, 1, 1))))).isEmpty();
        assertThat(read(TinyPdf.of("c").created(TinyPdf.noonUtc(TODAY.plusYears(3)))
                .modified(TinyPdf.noonUtc(TODAY.minusDays(80)))))
                .as("an implausible creation date falls back to the modification date").contains(TODAY.minusDays(80));
        assertThat(read(TinyPdf.of("d").created(TinyPdf.noonUtc(TODAY)))).as("today is plausible").contains(TODAY);
    }

    @Test
    void noDatesADamagedPdfOrNoPdfAtAllGiveNothing() throws IOException {
        assertThat(read(TinyPdf.of("undated"))).isEmpty();
        assertThat(read("%PDF-1.4\nnot really a PDF\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(read(new byte[] {1, 2, 3})).isEmpty();
    }

    @Test
    void theFirstPlausibleDayIsFromTheYearPdfWasPublished() {
        assertThat(PdfMetadataDate.plausible(TinyPdf.noonUtc(LocalDate.of(1992, 12, 31)), TODAY)).isEmpty();
        assertThat(PdfMetadataDate.plausible(TinyPdf.noonUtc(LocalDate.of(1993, 1, 1)), TODAY))
                .contains(LocalDate.of(1993, 1, 1));
        assertThat(PdfMetadataDate.plausible(null, TODAY)).isEmpty();
        assertThat(PdfMetadataDate.plausible(TinyPdf.at(TODAY, 12, ZoneOffset.ofHours(14)), TODAY)).contains(TODAY);
    }

    private Optional<LocalDate> read(TinyPdf pdf) throws IOException {
        return read(pdf.bytes());
    }

    private Optional<LocalDate> read(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "upload", ".pdf");
        Files.write(file, bytes);
        return PdfMetadataDate.read(file.toFile(), TODAY);
    }
}
