package org.consilium.notification.mail;

import java.util.Objects;

/**
 * A file attached to an email: a report PDF or a calendar entry. The file name is deterministic
 * (derived from the case, the rendering and the language), so a re-rendered email attaches the same names.
 *
 * @param contentType the full MIME type, parameters included (e.g. {@code text/calendar; charset=UTF-8; method=PUBLISH})
 */
public record Attachment(String fileName, String contentType, byte[] content) {
    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }

    /** Keeps a case id or language usable in a file name: anything but letters, digits, '.', '_' and '-' becomes '_'. */
    public static String safe(String part) {
        return part == null || part.isBlank() ? "unknown" : part.strip().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    @Override
    public String toString() {
        return fileName + " (" + contentType + ", " + content.length + " bytes)";
    }
}
