package org.consilium.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What of deploy/docker/Dockerfile can be tested without a Docker engine: the jar it copies is the one `mvn package`
 * makes for each service, the layers it copies are the ones that jar has, and the class it starts is in the jar.
 * Run after package (mvn verify does: this module comes after the services); a service not packaged yet is reported
 * skipped, with the reason.
 */
class ImageTest {

    private static final Path DOCKERFILE = Repository.root().resolve("deploy/docker/Dockerfile");

    @ParameterizedTest
    @ValueSource(strings = {"intake-service", "records-service", "mdt-scheduler", "notification-service", "bpmn", "console"})
    void theDockerfileCopiesTheRunnableJarOfTheServiceWithItsLayers(String service) throws Exception {
        String dockerfile = Files.readString(DOCKERFILE);
        Matcher copy = Pattern.compile("(?m)^COPY (\\S+) app\\.jar$").matcher(dockerfile);
        assertThat(copy.find()).as("the Dockerfile copies a jar to app.jar").isTrue();
        Path jar = Repository.root().resolve(copy.group(1).replace("${SERVICE}", service));
        assertThat(Files.readString(Repository.root().resolve(service + "/pom.xml")))
                .as("the jar's name is the module's own (finalName)").contains("<finalName>${project.artifactId}</finalName>");
        assumeTrue(Files.isRegularFile(jar), service + " is not packaged (" + jar + "): run mvn package first");

        assertThat(copiedLayers(dockerfile)).isEqualTo(layersOf(jar));
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(zip.getEntry(entryPointClass(dockerfile).replace('.', '/') + ".class")).as("the launcher").isNotNull();
            assertThat(zip.getEntry("BOOT-INF/classes/application.yaml")).as("the service's settings").isNotNull();
        }
    }

    private static List<String> copiedLayers(String dockerfile) {
        List<String> layers = new ArrayList<>();
        Matcher layer = Pattern.compile("(?m)^COPY --from=layers /build/extracted/([^/]+)/ \\./$").matcher(dockerfile);
        while (layer.find()) {
            layers.add(layer.group(1));
        }
        return layers;
    }

    private static String entryPointClass(String dockerfile) {
        Matcher entry = Pattern.compile("(?m)^ENTRYPOINT \\[\"java\", \"([\\w.]+)\"]$").matcher(dockerfile);
        assertThat(entry.find()).as("ENTRYPOINT java <main class>").isTrue();
        return entry.group(1);
    }

    /** The jar's own layers, in order, as Spring Boot's tools jar mode lists them. */
    private static List<String> layersOf(Path jar) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Djarmode=tools", "-jar", jar.toString(), "list-layers")
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }
}
