package org.consilium.support.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.consilium.support.problem.DomainProblem;
import org.springframework.http.HttpStatus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an {@code Idempotency-Key} is stored with, so that a retry can be told from a different
 * request under the same key (IETF httpapi idempotency-key draft): the SHA-256 of the request as
 * read, written as canonical JSON (properties and map keys sorted, dates as ISO text). Whitespace and
 * key order of the body do not change it; any value does.
 */
public final class RequestFingerprint {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private RequestFingerprint() {
    }

    /** The hex SHA-256 of the request's canonical JSON. */
    public static String of(Object request) {
        try {
            byte[] canonical = CANONICAL.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }

    /** 422 {@code idempotency-key-reused}: the key came with a different request than the one it answered. */
    public static DomainProblem keyReused() {
        return new DomainProblem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                "this Idempotency-Key was sent with a different request; send the same request to retry, or a new key");
    }
}
