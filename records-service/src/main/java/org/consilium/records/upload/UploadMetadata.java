package org.consilium.records.upload;

import org.consilium.support.input.InvalidInput;
import org.consilium.support.problem.DomainProblem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tus {@code Upload-Metadata} header: comma-separated {@code key base64(value)} pairs (a key alone is an empty value). */
final class UploadMetadata {
    private UploadMetadata() {
    }

    static Map<String, String> parse(String header) {
        Map<String, String> values = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return values;
        }
        for (String pair : header.split(",")) {
            String[] parts = pair.trim().split(" ", -1);
            if (parts.length > 2 || parts[0].isEmpty()) {
                throw bad("'" + pair.trim() + "' is not a key followed by a base64 value");
            }
            if (values.containsKey(parts[0])) {
                throw bad("key '" + parts[0] + "' appears more than once");
            }
            String value;
            try {
                value = parts.length == 1 ? "" : new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw bad("the value of '" + parts[0] + "' is not base64");
            }
            // every value (the file name above all) under the rules of any text we take in: one line, no
            // control or bidirectional characters ("report\u202Efdp.exe" was stored as given)
            values.put(parts[0], InvalidInput.checkLine(parts[0], value));
        }
        return values;
    }

    private static DomainProblem bad(String detail) {
        return DomainProblem.badRequest("bad-upload-metadata", "Upload-Metadata: " + detail);
    }
}
