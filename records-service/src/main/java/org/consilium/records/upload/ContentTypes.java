package org.consilium.records.upload;

import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/** What a file really is, from its first bytes and its name (Apache Tika's magic and glob rules). */
@Component
public class ContentTypes {
    public static final String ZIP = "application/zip";
    public static final String DICOM = "application/dicom";
    public static final String PDF = "application/pdf";
    private final Tika tika = new Tika();
    private final MediaTypeRegistry registry = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();

    /** ZIP and the formats built on it (docx, xlsx, odt, jar, epub...): what {@link ArchiveInspector} checks. */
    public boolean isZipBased(String type) {
        try {
            MediaType parsed = MediaType.parse(type);
            return parsed != null && (ZIP.equals(parsed.getBaseType().toString())
                    || registry.isSpecializationOf(parsed.getBaseType(), MediaType.APPLICATION_ZIP));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether a detected type is PDF (whatever its parameters), whose metadata may date the document. */
    public boolean isPdf(String type) {
        MediaType parsed = type == null ? null : MediaType.parse(type);
        return parsed != null && PDF.equals(parsed.getBaseType().toString());
    }

    /**
     * Whether what the uploader declared agrees with what Tika detected: nothing specific declared
     * (none, octet-stream), the same type or an alias of it, or one a specialisation of the other
     * (declared zip, detected docx; declared docx, detected zip), or a structured syntax suffix
     * (RFC 6839) naming what was detected (declared application/fhir+json, detected application/json).
     */
    public boolean agree(String declared, String detected) {
        MediaType d = parse(declared);
        MediaType t = parse(detected);
        if (d == null || d.equals(MediaType.OCTET_STREAM)
                || "binary/octet-stream".equals(d.toString())) {
            return true;
        }
        if (t == null) {
            return false;
        }
        return d.equals(t) || registry.isSpecializationOf(t, d) || registry.isSpecializationOf(d, t)
                || hasSuffixOf(d, t);
    }

    private static boolean hasSuffixOf(MediaType declared, MediaType detected) {
        String subtype = declared.getSubtype();
        int plus = subtype.lastIndexOf('+');
        return plus >= 0 && "application".equals(detected.getType())
                && subtype.substring(plus + 1).equals(detected.getSubtype());
    }

    private MediaType parse(String type) {
        MediaType parsed = type == null ? null : MediaType.parse(type);
        return parsed == null ? null : registry.normalize(parsed.getBaseType());
    }

    public String detect(byte[] head, String filename) {
        try {
            return tika.detect(new ByteArrayInputStream(head), filename);
        } catch (IOException e) {
            return MediaType.OCTET_STREAM.toString();
        }
    }
}
