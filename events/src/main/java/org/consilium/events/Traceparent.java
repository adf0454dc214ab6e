package org.consilium.events;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent}: what the CloudEvents distributed-tracing extension carries, so that a
 * case's step can be followed from the request that caused it to every service that acted on it (ADR 19). Plain
 * text on purpose: the events module knows no tracing library.
 */
public record Traceparent(String traceId, String spanId, boolean sampled) {
    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String INVALID_TRACE = "0".repeat(32);
    private static final String INVALID_SPAN = "0".repeat(16);

    public Traceparent {
        if (!FORMAT.matcher("00-" + traceId + "-" + spanId + "-00").matches()
                || traceId.equals(INVALID_TRACE) || spanId.equals(INVALID_SPAN)) {
            throw new IllegalArgumentException("not a W3C trace/span id pair: " + traceId + "/" + spanId);
        }
    }

    /** Empty for ids that are not a valid pair (a no-op tracer's spans have none). */
    public static Optional<Traceparent> of(String traceId, String spanId, Boolean sampled) {
        return parse("00-" + traceId + "-" + spanId + (Boolean.TRUE.equals(sampled) ? "-01" : "-00"));
    }

    /** Empty for anything that is not a version-00 traceparent: a foreign value is dropped, never fatal. */
    public static Optional<Traceparent> parse(String text) {
        var matcher = text == null ? null : FORMAT.matcher(text.trim());
        if (matcher == null || !matcher.matches()
                || matcher.group(1).equals(INVALID_TRACE) || matcher.group(2).equals(INVALID_SPAN)) {
            return Optional.empty();
        }
        return Optional.of(new Traceparent(matcher.group(1), matcher.group(2),
                (Integer.parseInt(matcher.group(3), 16) & 1) == 1));
    }

    @Override
    public String toString() {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }
}
