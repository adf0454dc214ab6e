package org.consilium.events.text;

/**
 * The characters no text we accept may hold, checked at the door so that nothing downstream (the
 * report PDF, an e-mail header, a file name in a download, a log line) meets them later:
 * <ul>
 * <li>C0 and C1 control characters and DEL: a U+0007 in a patient's name broke the report PDF.
 * Tab, line feed and carriage return are allowed in free text ({@link #problem}); nowhere in a
 * single line ({@link #problemInLine}: names, file names, query parameters).</li>
 * <li>bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make
 * text read differently from what is stored ({@code report\u202Efdp.exe} shows as
 * {@code reportexe.pdf}). The marks U+200E, U+200F and U+061C stay allowed: mixed Arabic and English
 * text needs them, and a mark cannot reorder anything beyond itself.</li>
 * <li>unpaired surrogates: not Unicode text at all; encoders replace or refuse them later.</li>
 * </ul>
 */
public final class PlainText {

    private PlainText() {
    }

    /** Why this free text (which may span lines) is refused, or {@code null} when it is fine. */
    public static String problem(CharSequence text) {
        return find(text, true);
    }

    /** Why this single-line text is refused (line breaks and tabs too), or {@code null} when it is fine. */
    public static String problemInLine(CharSequence text) {
        return find(text, false);
    }

    private static String find(CharSequence text, boolean lines) {
        if (text == null) {
            return null;
        }
        int position = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            position++;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            String kind = kind(c, lines);
            if (kind != null) {
                return "must not contain " + kind + " " + String.format("U+%04X", (int) c) + " (character " + position + ")";
            }
        }
        return null;
    }

    private static String kind(char c, boolean lines) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return lines ? null : c == '\t' ? "a tab" : "a line break";
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return "the control character";
        }
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
            return "the bidirectional control";
        }
        if (Character.isSurrogate(c)) {
            return "the unpaired surrogate";
        }
        return null;
    }
}
