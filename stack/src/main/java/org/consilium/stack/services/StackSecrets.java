package org.consilium.stack.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * The secrets the services share in a local stack (issue 6: secrets only from the environment): the
 * service client's secret (records-service asks the provider for tokens to call intake), Camunda's
 * and the console's client secrets, the key that signs upload links and the one that signs guest specialists' links. Each is taken from the stack's own environment
 * when set there, else generated once and kept under the data dir (owner-only), so a restarted stack
 * still accepts the links and tokens it issued before. Nothing secret is ever a constant in the code.
 */
public final class StackSecrets {
    static final String SERVICES_CLIENT_SECRET = "SERVICES_CLIENT_SECRET";
    static final String CAMUNDA_CLIENT_SECRET = "CAMUNDA_CLIENT_SECRET";
    static final String CONSOLE_CLIENT_SECRET = "CONSOLE_CLIENT_SECRET";
    static final String RECORDS_LINK_SECRET = "RECORDS_LINK_SECRET";
    static final String MDT_LINK_SECRET = "MDT_LINK_SECRET";
    /** The console's key for the hashes of patients' names that the worklist finds them by. */
    static final String CONSOLE_NAME_SEARCH_KEY = "CONSOLE_NAME_SEARCH_KEY";
    /** The engine's PostgreSQL: its role {@code engine} (bpmn) and its superuser (the stack only). */
    public static final String ENGINE_DB_PASSWORD = "ENGINE_DB_PASSWORD";
    public static final String ENGINE_DB_SUPERUSER_PASSWORD = "ENGINE_DB_SUPERUSER_PASSWORD";

    private final Path directory;
    private final Map<String, String> environment;

    StackSecrets(Path directory, Map<String, String> environment) {
        this.directory = directory;
        this.environment = environment;
    }

    public static StackSecrets under(Path dataPath) {
        return new StackSecrets(dataPath.resolve("secrets"), System.getenv());
    }

    public String get(String name) {
        String given = environment.get(name);
        if (given != null && !given.isBlank()) {
            return given;
        }
        Path file = directory.resolve(name.toLowerCase(Locale.ROOT));
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(directory);
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a non-POSIX file system: the data dir's own permissions are all there is
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the stack's secret " + name + " under " + directory, e);
        }
    }
}
