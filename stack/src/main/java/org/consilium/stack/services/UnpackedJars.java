package org.consilium.stack.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each service from its jar unpacked by Spring Boot's own tool ({@code java -Djarmode=tools -jar x.jar extract}):
 * an application jar with its libraries beside it instead of nested inside it. Measured on two cores (issue 12's
 * restart): intake-service spends 9–10 CPU seconds until its context is refreshed from the nested jar, 4.3–5.5 s from
 * the unpacked one; with seven JVMs starting on two cores, CPU is what a start waits for.
 * <p>
 * Unpacked once per build of a jar, beside it ({@code <module>/target/unpacked/<size>-<mtime>/}), so every later start
 * (a restart after a crash above all) finds it ready; a rebuilt jar gets a new directory and the old ones go. The
 * directory is written under a temporary name and renamed when complete, so a stack killed while unpacking, or two
 * stacks on one checkout, never run a half-written one. Anything that goes wrong falls back to the jar itself: slower,
 * never broken.
 * <p>
 * The stack's own jar is unpacked the same way for its Kafka nodes (ADR 29), which run from it.
 */
public final class UnpackedJars {

    private static final Logger log = LoggerFactory.getLogger(UnpackedJars.class);

    static final String DIRECTORY = "unpacked";
    private static final String COMPLETE = ".complete";
    private static final Duration EXTRACT_TIMEOUT = Duration.ofMinutes(3);
    // what Spring Boot's repackaging adds when the tools jar mode is included (the default since 3.3)
    private static final String TOOLS_ENTRY = "BOOT-INF/lib/spring-boot-jarmode-tools-";

    private final String javaCommand;
    private final Map<Path, Path> launchable = new ConcurrentHashMap<>();

    public UnpackedJars(String javaCommand) {
        this.javaCommand = javaCommand;
    }

    /** Unpacks every jar not yet unpacked for this build of it, side by side; returns how many it unpacked. */
    public int prepare(List<Path> jars) {
        long started = System.nanoTime();
        long unpacked = jars.parallelStream().filter(jar -> !launchable.containsKey(jar)).filter(this::prepare).count();
        if (unpacked > 0) {
            log.info("Unpacked {} jar(s) in {} s for faster starts (once per build)", unpacked,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        }
        return (int) unpacked;
    }

    /** The jar to run: the unpacked application jar when there is one, else the jar as built. */
    public Path launchable(Path jar) {
        return launchable.getOrDefault(jar, jar);
    }

    /** True when this call unpacked it (false when it was there already, or could not be). */
    private boolean prepare(Path jar) {
        try {
            Path target = unpackedDirectory(jar);
            Path application = target.resolve(jar.getFileName());
            if (Files.exists(target.resolve(COMPLETE)) && Files.isRegularFile(application)) {
                launchable.put(jar, application);
                return false;
            }
            if (!hasToolsJarMode(jar)) {
                log.debug("{} has no tools jar mode; running it as it is", jar);
                return false;
            }
            boolean unpacked = extract(jar, target);
            if (Files.isRegularFile(application)) {
                launchable.put(jar, application);
                removeOtherBuilds(target);
            }
            return unpacked;
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not unpack {} ({}); running the jar itself, which starts slower", jar, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Path unpackedDirectory(Path jar) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
        String build = Long.toHexString(attributes.size()) + "-" + Long.toHexString(attributes.lastModifiedTime().toMillis());
        return jar.resolveSibling(DIRECTORY).resolve(build);
    }

    private static boolean hasToolsJarMode(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().anyMatch(entry -> entry.getName().startsWith(TOOLS_ENTRY));
        }
    }

    private boolean extract(Path jar, Path target) throws IOException, InterruptedException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial-" + UUID.randomUUID());
        Path output = Files.createTempFile("consilium-unpack", ".log");
        try {
            Process extract = new ProcessBuilder(javaCommand, "-Djarmode=tools", "-jar", jar.toString(),
                    "extract", "--destination", partial.toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            extract.getOutputStream().close();
            if (!extract.waitFor(EXTRACT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                extract.destroyForcibly().waitFor();
                throw new IOException("unpacking took over " + EXTRACT_TIMEOUT.toSeconds() + " s");
            }
            if (extract.exitValue() != 0) {
                throw new IOException("the tools jar mode exited with " + extract.exitValue() + ": "
                        + Files.readString(output, StandardCharsets.UTF_8).strip());
            }
            Files.createFile(partial.resolve(COMPLETE));
            return publish(partial, target);
        } finally {
            deleteTree(partial);
            Files.deleteIfExists(output);
        }
    }

    /** Renames the finished directory into place; another stack on the same checkout may have been quicker. */
    private static boolean publish(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            if (Files.exists(target.resolve(COMPLETE))) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Earlier builds' directories are dead weight (~100 MB each): removed, best effort. Another stack's unpacking in
     * progress is left alone; one a killed stack left behind goes once it is clearly abandoned.
     */
    private static void removeOtherBuilds(Path current) {
        try (Stream<Path> builds = Files.list(current.getParent())) {
            builds.filter(build -> !build.equals(current))
                    .filter(build -> !build.getFileName().toString().contains(".partial-") || olderThan(build, EXTRACT_TIMEOUT))
                    .forEach(UnpackedJars::deleteTree);
        } catch (IOException e) {
            log.debug("Could not list {}", current.getParent(), e);
        }
    }

    private static boolean olderThan(Path path, Duration age) {
        try {
            return Files.getLastModifiedTime(path).toInstant().isBefore(Instant.now().minus(age));
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    log.debug("Could not delete {}", path, e);
                }
            });
        } catch (NoSuchFileException gone) {
            // nothing to delete
        } catch (IOException | UncheckedIOException e) {
            log.debug("Could not delete {}", root, e);
        }
    }
}
