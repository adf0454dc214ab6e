package org.consilium.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * One running stack for every journey test class that is extended with it: started before the
 * first of them, stopped (and its data dir deleted) when the whole test run ends. Starting the
 * six JVMs is most of a journey test's time, and the journeys never disturb each other (each case
 * is its own). The restart test keeps its own stacks.
 */
final class SharedStack implements BeforeAllCallback {
    private static final String KEY = SharedStack.class.getName();
    /** The running stack's data directory; a developer's own stack may name its own with -Dconsilium.e2e.data-dir. */
    private static volatile Path dataDir = Optional.ofNullable(System.getProperty("consilium.e2e.data-dir"))
            .map(Path::of).orElse(null);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(KEY, key -> started());
    }

    /** The running stack, or (with {@code -Dconsilium.e2e.use-running-stack=true}) a note that one already runs. */
    private static Object started() {
        if (Boolean.getBoolean("consilium.e2e.use-running-stack")) {
            // a developer's own stack at -Dconsilium.e2e.port-offset: used as it is, and left running
            return "a stack already running at port offset " + RunningStack.PORT_OFFSET;
        }
        try {
            Path dir = Files.createTempDirectory("consilium-e2e-");
            dataDir = dir;
            // a message parked for an event that does not come is dead-lettered within the journeys' waits
            // (OpsBrowserTest); and intake's limit of submissions per caller is not what the shared journeys test
            // (SubmissionLimitsTest does): HostileInputTest alone spends the patient's and caregiver's 20 an hour
            return new Running(RunningStack.start(dir, Map.of("CONSILIUM_PARKING_DEADLINE", "20s",
                    "CONSILIUM_PARKING_SWEEP_INTERVAL", "2s", "INTAKE_SUBMISSIONS_PER_PERIOD", "100000")), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the shared stack keeps its data (and its secrets, such as the identity provider's signing key), if known. */
    static Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    /**
     * The services' logs outlive the data dir, in {@code e2e/target/shared-stack-logs}: a test that failed on a
     * machine nobody can log in to (CI) is explained by them, and {@code .ci/run} prints their warnings after a failure.
     */
    private static void keepLogs(Path logs, Path kept) throws IOException {
        if (!Files.isDirectory(logs)) {
            return;
        }
        Files.createDirectories(kept);
        try (var files = Files.list(logs)) {
            for (Path log : files.toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Closed by JUnit when the root context (the whole run) ends. */
    private record Running(RunningStack stack, Path dataDir) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws IOException {
            stack.close();
            keepLogs(dataDir.resolve("logs"), Path.of("target/shared-stack-logs").toAbsolutePath());
            if (Boolean.getBoolean("consilium.e2e.keep-data")) {
                return; // to read the services' logs (<data-dir>/logs) after a failure
            }
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
