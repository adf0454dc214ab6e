package org.consilium.support.input;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether a raw (still percent-encoded) part of a URL decodes to UTF-8. The framework decodes bytes that
 * are not UTF-8 (e.g. {@code %ED%A0%80}, a lone surrogate in CESU-8) to U+FFFD, so the text checks never
 * see them and {@code a%ED%A0%80b} became the id {@code a\uFFFD\uFFFD\uFFFDb}, answered and logged as if
 * it were one (e2e's HostileInputTest). Checked on the raw form instead, and refused.
 */
final class PercentEncoding {

    private PercentEncoding() {
    }

    /** Why the raw URL part is refused, or {@code null} when its bytes are UTF-8. */
    static String problem(String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            int high = c == '%' && i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (low >= 0) {
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return null;
        } catch (CharacterCodingException e) {
            return "must be UTF-8 text when percent-decoded";
        }
    }
}
