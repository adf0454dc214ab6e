package org.consilium.identity.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The RSA key that signs every token. Kept as a private JWK in a file when a path is given, so the tokens a
 * service holds (and the JWKS it cached) stay valid across a restart of the stack; without a path, a fresh key per
 * start is enough for a test.
 */
public final class SigningKeyFile {

    private SigningKeyFile() {
    }

    public static RSAKey loadOrCreate(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            try {
                RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
                if (!key.isPrivate()) {
                    throw new IllegalStateException("Signing key file " + file + " holds no private key");
                }
                return key;
            } catch (ParseException e) {
                throw new IllegalStateException("Signing key file " + file + " is not an RSA JWK: " + e.getMessage(), e);
            }
        }
        RSAKey key = generate();
        write(file, key);
        return key;
    }

    public static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has RSA", e);
        }
    }

    /** Owner-only, and moved into place whole, so a crash mid-write never leaves half a key to load next time. */
    private static void write(Path file, RSAKey key) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".signing-key", ".tmp");
        try {
            restrictToOwner(temp);
            Files.writeString(temp, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file stays under the user's profile ACLs
        }
    }
}
