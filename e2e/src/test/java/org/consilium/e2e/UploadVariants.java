package org.consilium.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hostile uploads: multipart forms ({@code multipart/form-data} operations) and tus creations
 * ({@code Upload-Metadata}), with the file names an attacker or a careless scanner sends, and forms
 * whose structure is wrong. The file is a small real PDF, so a refusal is about the name or the form.
 */
final class UploadVariants {
    /**
     * A file name as it goes on the wire; {@code mustRefuse} where no cleaning could make it safe to keep
     * (ADR 14 refuses control and bidi characters rather than changing them), else it may be stored
     * sanitised (a path cut to its last segment, a long name cut).
     */
    record Name(String label, byte[] raw, boolean mustRefuse) {
    }

    static final List<Name> HOSTILE_NAMES = hostileNames();

    private UploadVariants() {
    }

    /** Multipart bodies for an operation whose form has an {@code item} field and a {@code file} part. */
    static List<BodyVariants.Variant> multipart(String item) {
        List<BodyVariants.Variant> variants = new ArrayList<>();
        byte[] pdf = CaseDriver.samplePdf(item);
        HOSTILE_NAMES.forEach(name -> variants.add(form("filename", "file name " + name.label(), name.mustRefuse(),
                List.of(field("item", item), file(name.raw(), "application/pdf", pdf)))));
        variants.add(form("multipart", "the file before the item field", false,
                List.of(file(utf8("before.pdf"), "application/pdf", pdf), field("item", item))));
        variants.add(form("multipart", "no item field", true, List.of(file(utf8("no-item.pdf"), "application/pdf", pdf))));
        variants.add(form("multipart", "no file part", true, List.of(field("item", item))));
        variants.add(form("multipart", "U+202E in the item field", true,
                List.of(field("item", item + "\u202E"), file(utf8("bidi-item.pdf"), "application/pdf", pdf))));
        variants.add(form("multipart", "U+0007 in documentDate", true, List.of(field("item", item),
                field("documentDate", "2026-01-01\u0007"), file(utf8("bell-date.pdf"), "application/pdf", pdf))));
        variants.add(form("multipart", "an executable declared as a PDF", true, List.of(field("item", item),
                file(utf8("setup.pdf"), "application/pdf", "MZ\u0090\u0000 this is not a pdf".getBytes(StandardCharsets.ISO_8859_1)))));
        variants.add(new BodyVariants.Variant("multipart", "a form cut off before its end", true,
                "multipart/form-data; boundary=" + BOUNDARY, cutOff(List.of(field("item", item), file(utf8("cut.pdf"), "application/pdf", pdf)))));
        variants.add(new BodyVariants.Variant("multipart", "another boundary than announced", true,
                "multipart/form-data; boundary=not-the-" + BOUNDARY, body(List.of(field("item", item), file(utf8("b.pdf"), "application/pdf", pdf)))));
        return variants;
    }

    /** tus creation headers ({@code POST .../uploads}): hostile names and broken metadata. */
    static List<Map<String, String>> tusCreations(String item) {
        List<Map<String, String>> creations = new ArrayList<>();
        HOSTILE_NAMES.forEach(name -> creations.add(tus("file name " + name.label(),
                "item " + b64(utf8(item)) + ",filename " + b64(name.raw()), "1000")));
        creations.add(tus("metadata not base64", "item !!!,filename ???", "1000"));
        creations.add(tus("no filename", "item " + b64(utf8(item)), "1000"));
        creations.add(tus("negative Upload-Length", "item " + b64(utf8(item)) + ",filename " + b64(utf8("a.pdf")), "-5"));
        creations.add(tus("Upload-Length not a number", "item " + b64(utf8(item)) + ",filename " + b64(utf8("a.pdf")), "lots"));
        creations.add(tus("Upload-Length over every limit", "item " + b64(utf8(item)) + ",filename " + b64(utf8("a.pdf")),
                "99999999999999999999"));
        return creations;
    }

    private static Map<String, String> tus(String variant, String metadata, String length) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("variant", variant);
        headers.put("Tus-Resumable", "1.0.0");
        headers.put("Upload-Length", length);
        headers.put("Upload-Metadata", metadata);
        return headers;
    }

    private static final String BOUNDARY = "hostile-boundary-7f3a";

    private record Part(byte[] head, byte[] content) {
    }

    private static Part field(String name, String value) {
        return new Part(utf8("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"), utf8(value));
    }

    private static Part file(byte[] filename, String contentType, byte[] content) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes(utf8("Content-Disposition: form-data; name=\"file\"; filename=\""));
        head.writeBytes(filename);
        head.writeBytes(utf8("\"\r\nContent-Type: " + contentType + "\r\n\r\n"));
        return new Part(head.toByteArray(), content);
    }

    private static BodyVariants.Variant form(String kind, String name, boolean mustRefuse, List<Part> parts) {
        return new BodyVariants.Variant(kind, name, mustRefuse, "multipart/form-data; boundary=" + BOUNDARY, body(parts));
    }

    private static byte[] body(List<Part> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part part : parts) {
            out.writeBytes(utf8("--" + BOUNDARY + "\r\n"));
            out.writeBytes(part.head());
            out.writeBytes(part.content());
            out.writeBytes(utf8("\r\n"));
        }
        out.writeBytes(utf8("--" + BOUNDARY + "--\r\n"));
        return out.toByteArray();
    }

    private static byte[] cutOff(List<Part> parts) {
        byte[] whole = body(parts);
        return java.util.Arrays.copyOf(whole, whole.length - 40);
    }

    private static List<Name> hostileNames() {
        return List.of(
                new Name("'../../etc/passwd'", utf8("../../etc/passwd"), false),
                new Name("'..\\..\\windows\\win.ini'", utf8("..\\..\\windows\\win.ini"), false),
                new Name("'report U+202E fdp.exe'", utf8("report\u202Efdp.exe"), true),
                new Name("'bell U+0007 .pdf'", utf8("bell\u0007.pdf"), true),
                new Name("'a U+0000 .pdf'", utf8("a\u0000.pdf"), true),
                new Name("with a lone surrogate (CESU-8 bytes)", new byte[]{'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '.', 'p', 'd', 'f'}, true),
                new Name("of 1000 characters", utf8("n".repeat(996) + ".pdf"), false),
                new Name("empty", utf8(""), false));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String b64(byte[] raw) {
        return Base64.getEncoder().encodeToString(raw);
    }
}
