package org.consilium.stack.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.consilium.stack.ConsiliumStack;
import org.consilium.stack.StackPorts;
import org.consilium.stack.StackStartupException;
import org.consilium.stack.fake.FailingService;
import org.consilium.stack.fake.FakeJars;
import org.consilium.stack.fake.FakeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The stack with stand-in service jars: environment, readiness, restart after a crash, failed start-up. */
class ServiceSupervisionTest {

    private static final int OFFSET = 22000;
    private static final StackPorts PORTS = new StackPorts(OFFSET);
    private static final int INTAKE_PORT = PORTS.shift(8081);

    @TempDir
    Path home;

    @Test
    void givesEachServiceItsEnvironmentAndRestartsItWhenItDies() throws Exception {
        FakeJars.write(home, "intake-service", FakeService.class);
        long restartedPid;
        try (ConfigurableApplicationContext stack = start("intake-service")) {
            assertThat(get(INTAKE_PORT, "/env")).contains(
                    "SERVER_PORT=" + INTAKE_PORT,
                    "KAFKA_BOOTSTRAP_SERVERS=localhost:" + PORTS.kafka(),
                    "MONGODB_URI=mongodb://localhost:" + PORTS.mongo() + "/consilium-intake",
                    "SMTP_HOST=localhost",
                    "SMTP_PORT=" + PORTS.smtp(),
                    "ENGINE_DB_URL=null");
            ServiceSupervisor supervisor = stack.getBean(ServiceSupervisor.class);
            long firstPid = supervisor.pid("intake-service").orElseThrow();

            ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();

            await().atMost(Duration.ofSeconds(20)).until(() -> supervisor.pid("intake-service")
                    .filter(pid -> pid != firstPid).isPresent() && get(INTAKE_PORT, "/env").contains("SERVER_PORT"));
            restartedPid = supervisor.pid("intake-service").orElseThrow();
        }
        assertThat(ProcessHandle.of(restartedPid).filter(ProcessHandle::isAlive)).as("left running").isEmpty();
    }

    @Test
    void failsNamingTheServiceThatExitedDuringStartUp() throws Exception {
        FakeJars.write(home, "records-service", FailingService.class);

        assertThatThrownBy(() -> start("records-service").close())
                .isInstanceOf(StackStartupException.class)
                .hasMessageContaining("records-service exited with code 3 during start-up")
                .hasMessageContaining("Simulated start-up failure")
                .hasMessageContaining(home.resolve("data/logs/records-service.log").toString());
    }

    @Test
    void refusesToStartWithoutTheServiceJars() {
        assertThatThrownBy(() -> start("mdt-scheduler").close())
                .isInstanceOf(StackStartupException.class)
                .hasMessageContaining("mdt-scheduler-exec.jar");
    }

    private ConfigurableApplicationContext start(String services) {
        return new SpringApplicationBuilder(ConsiliumStack.class).run(
                "--consilium.stack.home=" + home,
                "--consilium.stack.data-dir=" + home.resolve("data"),
                "--consilium.stack.port-offset=" + OFFSET,
                "--consilium.stack.services=" + services,
                "--consilium.stack.ready-timeout=30s");
    }

    private static String get(int port, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception notUp) {
            return Optional.ofNullable(notUp.getMessage()).orElse("unreachable");
        }
    }
}
