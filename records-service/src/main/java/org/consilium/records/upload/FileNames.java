package org.consilium.records.upload;

import java.nio.charset.StandardCharsets;

/** A client's filename made safe to store, and written back in a Content-Disposition header. */
final class FileNames {
    private static final int MAX_LENGTH = 255;
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private FileNames() {
    }

    static String sanitise(String name) {
        String base = name == null ? "" : name;
        // Some browsers send the whole client path ("C:\fakepath\scan.pdf"): keep the last segment.
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
        base = base.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            return "document";
        }
        return base.length() <= MAX_LENGTH ? base : base.substring(base.length() - MAX_LENGTH);
    }

    /**
     * {@code attachment; filename="..."} with an ASCII fallback, plus RFC 6266/5987
     * {@code filename*=UTF-8''...} when the name is not plain ASCII.
     */
    static String attachment(String filename) {
        String ascii = filename.replaceAll("[^\\x20-\\x7E]", "_").replace("\\", "_");
        String header = "attachment; filename=\"" + ascii + "\"";
        return ascii.equals(filename) ? header : header + "; filename*=UTF-8''" + percentEncoded(filename);
    }

    private static String percentEncoded(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ATTR_CHARS.indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }
}
