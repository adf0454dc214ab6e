package org.consilium.support.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/**
 * Where the data keyset comes from: never the repository. {@code CONSILIUM_DATA_KEYSET} (a Tink JSON
 * keyset) or {@code CONSILIUM_DATA_KEYSET_FILE} (a file holding one; the local stack generates it
 * under its data dir: with {@code CONSILIUM_DATA_KEYSET_CREATE=true} a missing file is created, owner-only).
 * In production the keyset would be wrapped by a KMS key; Tink reads the same format. Tests may ask for a throw-away key ({@code consilium.crypto.ephemeral-key=true}): data sealed
 * with it is unreadable after the JVM ends, which is why nothing else may use it.
 */
public final class FieldCipherKeys {

    private FieldCipherKeys() {
    }

    public static FieldCipher load(String keyset, String keysetFile, boolean ephemeral) {
        return load(keyset, keysetFile, false, ephemeral);
    }

    public static FieldCipher load(String keyset, String keysetFile, boolean createFile, boolean ephemeral) {
        try {
            AeadConfig.register();
            KeysetHandle handle;
            if (keyset != null && !keyset.isBlank()) {
                handle = parse(keyset);
            } else if (keysetFile != null && !keysetFile.isBlank()) {
                if (createFile && !Files.exists(Path.of(keysetFile))) {
                    create(Path.of(keysetFile));
                }
                handle = parse(Files.readString(Path.of(keysetFile), StandardCharsets.UTF_8));
            } else if (ephemeral) {
                handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            } else {
                throw new IllegalStateException("no data keyset: set CONSILIUM_DATA_KEYSET (a Tink JSON keyset) or "
                        + "CONSILIUM_DATA_KEYSET_FILE; personal fields are encrypted at rest (issue 6). "
                        + "`java -jar stack/target/stack-exec.jar` generates one for a local stack.");
            }
            return new FieldCipher(handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the data keyset is not a valid Tink AEAD keyset", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data keyset file " + keysetFile, e);
        }
    }

    /** A new keyset as Tink JSON, for the stack to keep under its data dir. */
    public static String newKeysetJson() {
        try {
            AeadConfig.register();
            return TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
                    InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, newKeysetJson(), StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the directory's own permissions are all there is
        }
    }

    private static KeysetHandle parse(String json) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }
}
