package org.consilium.records.pdf;

import org.apache.commons.io.input.BoundedInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpParsingException;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The date a PDF says it was made, from its own metadata, read with PDFBox: the creation date of
 * the document information dictionary, else XMP's {@code xmp:CreateDate}, else the modification
 * date of either ({@code ModDate}, {@code xmp:ModifyDate}). The first plausible one wins; the XMP
 * packet is only read when the document information has no plausible creation date.
 * <p>
 * Each date is taken as the day the producer wrote, in the time zone it wrote it in (a report made
 * 23:30 in Jakarta is of that day, not of the previous one in UTC).
 */
public final class PdfMetadataDate {
    /**
     * PDF 1.0 was published in 1993: an earlier "creation date" cannot be true. Broken producers write
     * 1970-01-01 (a zero Unix time), 1904 or 1601 (other zero times) or year 0; counted, such a date
     * would call a fresh report decades old.
     */
    static final LocalDate FIRST_PLAUSIBLE = LocalDate.of(1993, 1, 1);
    /** An XMP packet is a few KB; a metadata stream that expands beyond this is not read (a flate bomb). */
    private static final int MAX_XMP_BYTES = 1024 * 1024;

    private PdfMetadataDate() {
    }

    /**
     * The date of the PDF in {@code file}, if its metadata holds a plausible one.
     *
     * @param latest the latest plausible date: today where it is latest on Earth. A date after it is ignored,
     *               not trusted: it comes from a producer's wrong clock, and a document dated in the future
     *               would never go stale. (An uploader who states a future date is refused instead; this date
     *               is nobody's statement, so it only falls back to the next one.)
     * @return empty when the file is no readable PDF (damaged, encrypted with a password) or holds no plausible
     *         date: then the upload date counts, as for any other file
     */
    public static Optional<LocalDate> read(File file, LocalDate latest) {
        try (PDDocument pdf = Loader.loadPDF(file)) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            XmpDates xmp = new XmpDates(pdf);
            List<Supplier<Calendar>> candidates = List.of(info::getCreationDate,
                    () -> xmp.basic(XMPBasicSchema::getCreateDate), info::getModificationDate,
                    () -> xmp.basic(XMPBasicSchema::getModifyDate));
            return candidates.stream().map(Supplier::get).flatMap(c -> plausible(c, latest).stream()).findFirst();
        } catch (IOException | RuntimeException e) {
            // a damaged or password-protected PDF is still a document the case may need: it is kept, undated
            return Optional.empty();
        }
    }

    static Optional<LocalDate> plausible(Calendar calendar, LocalDate latest) {
        if (calendar == null) {
            return Optional.empty();
        }
        LocalDate day = calendar.toInstant().atZone(calendar.getTimeZone().toZoneId()).toLocalDate();
        return day.isBefore(FIRST_PLAUSIBLE) || day.isAfter(latest) ? Optional.empty() : Optional.of(day);
    }

    /** The XMP packet of the document catalog, parsed once and only when asked for. */
    private static final class XmpDates {
        private final PDDocument pdf;
        private Optional<XMPBasicSchema> basic;

        XmpDates(PDDocument pdf) {
            this.pdf = pdf;
        }

        Calendar basic(Function<XMPBasicSchema, Calendar> date) {
            if (basic == null) {
                basic = parse();
            }
            return basic.map(date).orElse(null);
        }

        private Optional<XMPBasicSchema> parse() {
            PDMetadata metadata = pdf.getDocumentCatalog().getMetadata();
            if (metadata == null) {
                return Optional.empty();
            }
            try (InputStream in = BoundedInputStream.builder().setInputStream(metadata.createInputStream())
                    .setMaxCount(MAX_XMP_BYTES).get()) {
                DomXmpParser parser = new DomXmpParser();
                // producers write XMP loosely (unknown schemas, odd value types): the dates may still be right
                parser.setStrictParsing(false);
                XMPMetadata xmp = parser.parse(in);
                return Optional.ofNullable(xmp.getXMPBasicSchema());
            } catch (IOException | XmpParsingException | RuntimeException e) {
                // a cut (over MAX_XMP_BYTES), damaged or unreadable packet has no date to give
                return Optional.empty();
            }
        }
    }
}
