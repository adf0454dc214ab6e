package org.consilium.stack.fake;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Plays Spring Boot's {@code -Djarmode=tools ... extract --destination dir}: writes the application jar (a copy of
 * its own jar) and a {@code lib} directory, as the real tool lays them out.
 */
public final class FakeUnpacker {

    private FakeUnpacker() {
    }

    public static void main(String[] args) throws IOException, URISyntaxException {
        if (!"tools".equals(System.getProperty("jarmode")) || args.length != 3 || !"extract".equals(args[0])) {
            System.out.println("not asked to extract: " + String.join(" ", args));
            System.exit(2);
        }
        Path self = Path.of(FakeUnpacker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path destination = Path.of(args[2]);
        Files.createDirectories(destination.resolve("lib"));
        Files.copy(self, destination.resolve(self.getFileName()));
    }
}
