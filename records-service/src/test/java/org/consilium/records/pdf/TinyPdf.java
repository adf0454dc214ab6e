package org.consilium.records.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.XmpSerializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;

/** Real one-page PDFs, made with PDFBox, carrying the metadata dates a test needs (and nothing else). */
public final class TinyPdf {
    private final String text;
    private Calendar created;
    private Calendar modified;
    private Calendar xmpCreated;

    private TinyPdf(String text) {
        this.text = text;
    }

    /** A PDF showing {@code text} (which also makes its bytes, and so its SHA-256, its own). */
    public static TinyPdf of(String text) {
        return new TinyPdf(text);
    }

    /** Noon UTC of {@code day}, far from any date line. */
    public static Calendar noonUtc(LocalDate day) {
        return at(day, 12, ZoneOffset.UTC);
    }

    public static Calendar at(LocalDate day, int hour, ZoneId zone) {
        return GregorianCalendar.from(day.atTime(hour, 30).atZone(zone));
    }

    /** The document information's CreationDate. */
    public TinyPdf created(Calendar date) {
        this.created = date;
        return this;
    }

    /** The document information's ModDate. */
    public TinyPdf modified(Calendar date) {
        this.modified = date;
        return this;
    }

    /** The XMP packet's xmp:CreateDate (the document information then has none unless set too). */
    public TinyPdf xmpCreated(Calendar date) {
        this.xmpCreated = date;
        return this;
    }

    public byte[] bytes() {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText(text);
                content.endText();
            }
            pdf.getDocumentInformation().setCreationDate(created);
            pdf.getDocumentInformation().setModificationDate(modified);
            if (xmpCreated != null) {
                XMPMetadata xmp = XMPMetadata.createXMPMetadata();
                xmp.createAndAddXMPBasicSchema().setCreateDate(xmpCreated);
                ByteArrayOutputStream packet = new ByteArrayOutputStream();
                new XmpSerializer().serialize(xmp, packet, true);
                PDMetadata metadata = new PDMetadata(pdf);
                metadata.importXMPMetadata(packet.toByteArray());
                pdf.getDocumentCatalog().setMetadata(metadata);
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
