package org.consilium.identity.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void theFirstStartCreatesTheKeyAndEveryLaterStartSignsWithTheSameOne() throws Exception {
        Path file = dir.resolve("identity").resolve("signing-key.json");

        RSAKey created = SigningKeyFile.loadOrCreate(file);
        RSAKey loaded = SigningKeyFile.loadOrCreate(file);

        assertThat(loaded.getKeyID()).isEqualTo(created.getKeyID());
        assertThat(loaded.toRSAPrivateKey()).isEqualTo(created.toRSAPrivateKey());
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(dir.resolve("identity")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aFileWithoutAPrivateKeyIsRefusedRatherThanReplaced() throws Exception {
        Path file = dir.resolve("signing-key.json");
        Files.writeString(file, SigningKeyFile.generate().toPublicJWK().toJSONString());

        assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(file)).hasMessageContaining("no private key");
    }
}
