package org.consilium.notification.report;

/**
 * Text as XML 1.0 can carry it. The PDF is laid out from XHTML, and one character XML forbids (a
 * control character such as U+0007 in a name, a lone surrogate) makes the whole report fail to
 * render: the report would be lost for the sake of one invisible character. Input is checked at the
 * door; this is the renderer's own guarantee, for whatever got past it (older data, other producers).
 */
final class XmlText {
    static final char REPLACEMENT = '\uFFFD';

    private XmlText() {
    }

    /** The text with every character XML 1.0 forbids replaced by U+FFFD, so it stays visible that one was there. */
    static String legal(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (!allowed(codePoint)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append(REPLACEMENT);
            } else if (out != null) {
                out.appendCodePoint(codePoint);
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    /** XML 1.0's Char production; a lone surrogate arrives here as a code point in D800–DFFF and is refused. */
    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
