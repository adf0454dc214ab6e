package org.consilium.stack.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes {@code <home>/<module>/target/<module>-exec.jar} running one of the fake mains. */
public final class FakeJars {

    private FakeJars() {
    }

    public static void write(Path home, String module, Class<?> main) throws IOException {
        write(home, module, main, false);
    }

    /**
     * As {@link #write}, plus the entry by which a Spring Boot jar says it can unpack itself
     * ({@code java -Djarmode=tools -jar x.jar extract}); {@code main} then plays that tool.
     */
    public static Path writeUnpackable(Path home, String module, Class<?> main) throws IOException {
        return write(home, module, main, true);
    }

    private static Path write(Path home, String module, Class<?> main, boolean withToolsJarMode) throws IOException {
        Path jar = home.resolve(module).resolve("target").resolve(module + "-exec.jar");
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main.getName());
        String entry = main.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream classFile = main.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
            if (withToolsJarMode) {
                out.putNextEntry(new JarEntry("BOOT-INF/lib/spring-boot-jarmode-tools-3.5.16.jar"));
                out.closeEntry();
            }
        }
        return jar;
    }
}
