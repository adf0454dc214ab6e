package org.consilium.support.link;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the tokens of signed links, the way someone without an account acts on one case (records'
 * upload links, mdt-scheduler's guest-specialist links): {@code base64url(payload).base64url(HMAC-SHA256(key,
 * payload))}, the payload naming the version, link id, case id, scope and expiry (epoch seconds). The signature
 * proves the service issued it; the scope keeps a link of one kind from opening another's door even under the same
 * key; whether the link is still valid (not revoked) is the issuing service's store's word. Each service signs
 * with its own key.
 */
public final class LinkSigner {
    /** A key shorter than this is refused: HMAC-SHA256's own block of strength. */
    public static final int MIN_KEY_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(LinkSigner.class);
    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private final SecretKeySpec key;

    public LinkSigner(byte[] secret) {
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /**
     * The signer of a service's links from its configured secret. With security on, the service does not start
     * without one (no link is ever signed with a key anyone could know); a development run may ask for a random
     * key per start ({@code randomSecret}), and with security off (no token is checked anyway) one is made up.
     *
     * @param setting how the secret is configured, for the message: {@code "RECORDS_LINK_SECRET (consilium...)"}
     * @param random  the setting that allows a random key, for the message
     */
    public static LinkSigner fromSecret(String secret, boolean randomSecret, boolean securityEnabled, String setting,
                                        String random) {
        if (secret != null && !secret.isBlank()) {
            byte[] key = secret.getBytes(StandardCharsets.UTF_8);
            if (key.length < MIN_KEY_BYTES) {
                throw new IllegalStateException(setting + " must be at least " + MIN_KEY_BYTES + " bytes");
            }
            return new LinkSigner(key);
        }
        if (securityEnabled && !randomSecret) {
            throw new IllegalStateException(setting + " is required when consilium.security.enabled=true: the key "
                    + "signed links are checked with. For development only, " + random
                    + "=true makes a random one per start.");
        }
        log.warn("signed links are signed with a random key made at start: they stop working when the service restarts");
        byte[] key = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return new LinkSigner(key);
    }

    /** What a token says, once its signature is checked. */
    public record Claims(String linkId, String caseId, String scope, Instant expiresAt) {
    }

    public String sign(String linkId, String caseId, String scope, Instant expiresAt) {
        String payload = ENCODER.encodeToString(String.join("\n", VERSION, linkId, caseId, scope,
                String.valueOf(expiresAt.getEpochSecond())).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The claims of a token this key signed; empty for anything altered, truncated or foreign. */
    public Optional<Claims> verify(String token) {
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

    /** The claims of a token of this scope; empty for another kind of link, or anything {@link #verify} refuses. */
    public Optional<Claims> verify(String token, String scope) {
        return verify(token).filter(claims -> scope.equals(claims.scope()));
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
