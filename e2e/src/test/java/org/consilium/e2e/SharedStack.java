package org.consilium.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One running stack for every journey test class that is extended with it: started before the
 * first of them, stopped (and its data dir deleted) when the whole test run ends. Starting the
 * six JVMs is most of a journey test's time, and the journeys never disturb each other (each case
 * is its own). The restart test keeps its own stacks.
 */
final class SharedStack implements BeforeAllCallback {
    private static final String KEY = SharedStack.class.getName();

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
            Path dataDir = Files.createTempDirectory("consilium-e2e-");
            return new Running(RunningStack.start(dataDir), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closed by JUnit when the root context (the whole run) ends. */
    private record Running(RunningStack stack, Path dataDir) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws IOException {
            stack.close();
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
