package org.consilium.stack.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.consilium.stack.fake.FailingService;
import org.consilium.stack.fake.FakeJars;
import org.consilium.stack.fake.FakeService;
import org.consilium.stack.fake.FakeUnpacker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The services run unpacked once their jar was unpacked for this build, and as built whenever it cannot be. */
class UnpackedJarsTest {

    @TempDir
    Path home;

    @Test
    void aJarIsUnpackedOnceAndLaterStartsRunTheUnpackedApplicationJar() throws IOException {
        Path jar = FakeJars.writeUnpackable(home, "intake-service", FakeUnpacker.class);

        UnpackedJars first = new UnpackedJars(ServiceSupervisor.javaCommand());
        assertThat(first.prepare(List.of(jar))).isEqualTo(1);
        Path unpacked = first.launchable(jar);
        assertThat(unpacked).isEqualTo(UnpackedJars.unpackedDirectory(jar).resolve("intake-service-exec.jar")).isRegularFile();
        assertThat(unpacked.resolveSibling("lib")).isDirectory();
        assertThat(builds(jar)).containsExactly(UnpackedJars.unpackedDirectory(jar));

        UnpackedJars restart = new UnpackedJars(ServiceSupervisor.javaCommand());
        assertThat(restart.prepare(List.of(jar))).as("nothing unpacked again for the same build").isZero();
        assertThat(restart.launchable(jar)).isEqualTo(unpacked);
    }

    @Test
    void aRebuiltJarIsUnpackedAgainAndTheEarlierBuildRemoved() throws IOException {
        Path jar = FakeJars.writeUnpackable(home, "records-service", FakeUnpacker.class);
        UnpackedJars jars = new UnpackedJars(ServiceSupervisor.javaCommand());
        jars.prepare(List.of(jar));
        Path earlier = UnpackedJars.unpackedDirectory(jar);

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        UnpackedJars afterTheBuild = new UnpackedJars(ServiceSupervisor.javaCommand());
        assertThat(afterTheBuild.prepare(List.of(jar))).isEqualTo(1);

        assertThat(UnpackedJars.unpackedDirectory(jar)).isNotEqualTo(earlier);
        assertThat(builds(jar)).containsExactly(UnpackedJars.unpackedDirectory(jar));
        assertThat(afterTheBuild.launchable(jar)).startsWith(UnpackedJars.unpackedDirectory(jar));
    }

    @Test
    void aJarThatFailsToUnpackRunsAsBuiltAndLeavesNothingHalfWritten() throws IOException {
        Path jar = FakeJars.writeUnpackable(home, "mdt-scheduler", FailingService.class);
        UnpackedJars jars = new UnpackedJars(ServiceSupervisor.javaCommand());

        assertThat(jars.prepare(List.of(jar))).isZero();

        assertThat(jars.launchable(jar)).isEqualTo(jar);
        assertThat(builds(jar)).isEmpty();
    }

    @Test
    void aJarWithoutSpringBootsToolsRunsAsBuiltWithoutTryingToUnpack() throws IOException {
        FakeJars.write(home, "notification-service", FakeService.class);
        Path jar = home.resolve("notification-service/target/notification-service-exec.jar");
        UnpackedJars jars = new UnpackedJars(ServiceSupervisor.javaCommand());

        assertThat(jars.prepare(List.of(jar))).isZero();

        assertThat(jars.launchable(jar)).isEqualTo(jar);
        assertThat(jar.resolveSibling(UnpackedJars.DIRECTORY)).doesNotExist();
    }

    @Test
    void aMissingJarIsLeftToThePreflightCheck() {
        Path jar = home.resolve("console/target/console-exec.jar");
        UnpackedJars jars = new UnpackedJars(ServiceSupervisor.javaCommand());

        assertThat(jars.prepare(List.of(jar))).isZero();
        assertThat(jars.launchable(jar)).isEqualTo(jar);
    }

    private static List<Path> builds(Path jar) throws IOException {
        Path directory = jar.resolveSibling(UnpackedJars.DIRECTORY);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> builds = Files.list(directory)) {
            return builds.toList();
        }
    }
}
