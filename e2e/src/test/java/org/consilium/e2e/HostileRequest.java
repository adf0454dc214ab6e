package org.consilium.e2e;

import java.util.Map;

/**
 * One generated request against one operation: what it breaks, and whether it must be refused.
 *
 * @param kind       the kind of break (syntax, type, bidi ...), the unit the CI-size run samples
 * @param variant    what is hostile about it, e.g. {@code bidi U+202E in patient.name}
 * @param mustRefuse true when no caller may be answered 2xx (bad JSON, a control character ...); false
 *                   where the input may be valid for some role (an extra field, a path of another case)
 * @param pathAndQuery the path and query, already percent-encoded
 * @param headers    headers to send besides the caller's token
 * @param body       the body's bytes, or null for none
 */
record HostileRequest(String kind, String variant, boolean mustRefuse, String method, String pathAndQuery,
                      Map<String, String> headers, byte[] body) {
}
