package org.consilium.support.crypto;

import com.google.crypto.tink.Aead;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Seals personal fields before they are stored (issue 6: personal data at rest is encrypted where the
 * store is shared — every service's database lives on one MongoDB). Tink AEAD (AES-256-GCM): each
 * value is encrypted with a fresh nonce and bound to its {@code context} (e.g. {@code outbox.payload}),
 * so a sealed value copied into another field does not open. Sealed values carry a prefix; a value
 * without it is read as it is, so documents written before encryption was switched on stay readable
 * and are sealed the next time they are saved.
 */
public final class FieldCipher {
    static final String PREFIX = "enc:v1:";

    private final Aead aead;

    public FieldCipher(Aead aead) {
        this.aead = aead;
    }

    public String seal(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] sealed = aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a " + context + " field", e);
        }
    }

    public String open(String stored, String context) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            return new String(aead.decrypt(sealed, context.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // a wrong key or a tampered value: never return garbage as if it were the data
            throw new IllegalStateException("a sealed " + context + " field does not open with this service's keyset "
                    + "(wrong CONSILIUM_DATA_KEYSET, or the value was altered)", e);
        }
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }
}
