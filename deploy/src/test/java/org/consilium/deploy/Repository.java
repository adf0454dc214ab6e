package org.consilium.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** The source tree the tests read: the chart, the Dockerfile and the services' own settings. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        Path root = Path.of(System.getProperty("consilium.repo", "..")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("deploy/helm/consilium/Chart.yaml"))) {
            throw new IllegalStateException("not the repository's root (no deploy/helm/consilium): " + root);
        }
        return root;
    }

    static Path chart() {
        return root().resolve("deploy/helm/consilium");
    }

    static Path exampleValues() {
        return root().resolve("deploy/helm/example-values.yaml");
    }
}
