package org.consilium.records.link;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks upload-link tokens: {@code base64url(payload).base64url(HMAC-SHA256(key, payload))}, the
 * payload naming the version, link id, case id, scope ({@value #SCOPE}) and expiry (epoch seconds). The
 * signature proves the service issued it; whether the link is still valid (not revoked) is the store's word.
 */
public final class UploadLinkSigner {
    static final String SCOPE = "upload";
    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private final SecretKeySpec key;

    public UploadLinkSigner(byte[] secret) {
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** What a token says, once its signature is checked. */
    record Claims(String linkId, String caseId, String scope, Instant expiresAt) {
    }

    public String sign(String linkId, String caseId, Instant expiresAt) {
        String payload = ENCODER.encodeToString(String.join("\n", VERSION, linkId, caseId, SCOPE,
                String.valueOf(expiresAt.getEpochSecond())).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The claims of a token this service signed; empty for anything altered, truncated or foreign. */
    Optional<Claims> verify(String token) {
        try {
            int dot = token.indexOf('.');
            if (dot <= 0 || dot != token.lastIndexOf('.')) {
                return Optional.empty();
            }
            String payload = token.substring(0, dot);
            if (!MessageDigest.isEqual(mac(payload), DECODER.decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] parts = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 5 || !VERSION.equals(parts[0])) {
                return Optional.empty();
            }
            return Optional.of(new Claims(parts[1], parts[2], parts[3], Instant.ofEpochSecond(Long.parseLong(parts[4]))));
        } catch (IllegalArgumentException e) { // bad base64 or number
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
