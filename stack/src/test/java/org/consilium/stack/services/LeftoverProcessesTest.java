package org.consilium.stack.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.consilium.stack.fake.FakeJars;
import org.consilium.stack.fake.FakeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoverProcessesTest {

    @TempDir
    Path home;

    @Test
    void killsAServiceLeftBehindByADeadLauncherButNothingElse() throws Exception {
        FakeJars.write(home, "intake-service", FakeService.class);
        Path dataDir = home.resolve("data");
        ProcessBuilder orphanBuilder = new ProcessBuilder(ServiceSupervisor.javaCommand(), "-jar",
                home.resolve("intake-service/target/intake-service-exec.jar").toString());
        orphanBuilder.environment().put("SERVER_PORT", "0");
        Process orphan = orphanBuilder.start();
        try {
            LeftoverProcesses.remember(LeftoverProcesses.pidFile(dataDir, "intake-service"), orphan.pid());
            // a recycled pid: now some other process, here this very JVM, which must survive
            LeftoverProcesses.remember(LeftoverProcesses.pidFile(dataDir, "records-service"),
                    ProcessHandle.current().pid());

            LeftoverProcesses.stopAll(dataDir);

            assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).as("orphan killed").isTrue();
            assertThat(dataDir.resolve("run")).isEmptyDirectory();
        } finally {
            orphan.destroyForcibly();
        }
    }

    @Test
    void aKafkaNodeIsRecognisedByItsMarkNotByAPrefixOfIt() {
        String node = "/usr/bin/java -Xmx256m -Dconsilium.stack.child=kafka-2 -cp /srv/stack-exec.jar "
                + "-Dloader.main=org.consilium.stack.kafka.BrokerNode org.springframework.boot.loader.launch.PropertiesLauncher";

        assertThat(LeftoverProcesses.isOurs(node, "kafka-2")).isTrue();
        assertThat(LeftoverProcesses.isOurs(node, "kafka-1")).isFalse();
        assertThat(LeftoverProcesses.isOurs(node + " 2 3", "kafka")).isFalse();
        assertThat(LeftoverProcesses.isOurs("/usr/bin/java -jar /srv/intake-service/target/intake-service-exec.jar",
                "intake-service")).isTrue();
    }
}
