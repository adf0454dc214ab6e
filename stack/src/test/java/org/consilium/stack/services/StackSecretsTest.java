package org.consilium.stack.services;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StackSecretsTest {

    @Test
    void aGeneratedSecretIsKeptOwnerOnlyAndTheSameAfterARestart(@TempDir Path data) throws Exception {
        String first = new StackSecrets(data.resolve("secrets"), Map.of()).get(StackSecrets.RECORDS_LINK_SECRET);
        String again = new StackSecrets(data.resolve("secrets"), Map.of()).get(StackSecrets.RECORDS_LINK_SECRET);

        assertThat(first).hasSizeGreaterThanOrEqualTo(43).isEqualTo(again);
        Path file = data.resolve("secrets").resolve("records_link_secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new StackSecrets(data.resolve("secrets"), Map.of()).get(StackSecrets.CAMUNDA_CLIENT_SECRET))
                .as("each secret is its own").isNotEqualTo(first);
    }

    @Test
    void theStacksEnvironmentWins(@TempDir Path data) {
        StackSecrets secrets = new StackSecrets(data.resolve("secrets"),
                Map.of(StackSecrets.SERVICES_CLIENT_SECRET, "from-the-environment"));

        assertThat(secrets.get(StackSecrets.SERVICES_CLIENT_SECRET)).isEqualTo("from-the-environment");
        assertThat(data.resolve("secrets").resolve("services_client_secret")).doesNotExist();
    }
}
