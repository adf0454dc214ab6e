package org.consilium.records.upload;

import org.consilium.support.problem.DomainProblem;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Measures a file while it streams past: size, SHA-256 and its first bytes (for content type
 * detection). Each buffer is copied to the heap and the network buffer released at once, so
 * pooled memory is never held by the upload; only the first {@link #HEAD_BYTES} are kept.
 * Not thread-safe: a reactive stream delivers one buffer at a time.
 */
final class StreamFingerprint {
    /** Enough for Tika's magic-byte detection (its own read-ahead limit). */
    static final int HEAD_BYTES = 64 * 1024;

    private final long limit;
    private final MessageDigest sha256;
    private final byte[] head = new byte[HEAD_BYTES];
    private int headLength;
    private long size;

    StreamFingerprint(long limit) {
        this.limit = limit;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes the next buffer of the file: measures a heap copy, releases the original. 413 past the limit. */
    DataBuffer take(DataBuffer buffer) {
        byte[] bytes;
        try {
            bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
        } finally {
            DataBufferUtils.release(buffer);
        }
        size += bytes.length;
        if (size > limit) {
            throw tooLarge(limit);
        }
        sha256.update(bytes);
        int toHead = Math.min(bytes.length, HEAD_BYTES - headLength);
        System.arraycopy(bytes, 0, head, headLength, toHead);
        headLength += toHead;
        return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
    }

    static DomainProblem tooLarge(long limit) {
        return new DomainProblem(HttpStatus.PAYLOAD_TOO_LARGE, "document-too-large",
                "a document may have at most " + limit + " bytes");
    }

    long size() {
        return size;
    }

    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    byte[] head() {
        return Arrays.copyOf(head, headLength);
    }
}
