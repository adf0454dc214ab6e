package org.consilium.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.consilium.stack.engine.EngineDatabase;
import org.consilium.stack.heap.HeapSizing;
import org.consilium.stack.services.ServiceCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class StackPropertiesTest {

    @Test
    void defaultsToAllServicesUnderTheWorkingDirectory() {
        StackProperties properties = bind(Map.of());

        assertThat(properties.services()).isEqualTo(ServiceCatalog.names());
        assertThat(properties.dataPath()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(properties.homePath()).isEqualTo(Path.of("").toAbsolutePath());
        assertThat(properties.ports().kafka()).isEqualTo(9092);
        assertThat(properties.readyTimeout()).hasSeconds(180);
        assertThat(properties.engineDatabase()).isEqualTo(EngineDatabase.POSTGRES);
        assertThat(properties.ports().enginePostgres()).isEqualTo(5432);
    }

    @Test
    void h2ForTheEngineOnlyWhenAskedForOrWhereTheEngineAlreadyLivesInIt(@TempDir Path dataDir) throws IOException {
        assertThat(bind(Map.of("consilium.stack.engine-database", "h2")).engineDatabase()).isEqualTo(EngineDatabase.H2);
        Map<String, String> here = Map.of("consilium.stack.data-dir", dataDir.toString());
        assertThat(bind(here).engineDatabase()).isEqualTo(EngineDatabase.POSTGRES);

        // a data dir from before PostgreSQL was the default: its cases continue on their engine
        Files.createDirectories(dataDir.resolve("engine"));
        Files.writeString(dataDir.resolve("engine").resolve("consilium.mv.db"), "");
        assertThat(bind(here).engineDatabase()).isEqualTo(EngineDatabase.H2);
        assertThat(bind(Map.of("consilium.stack.data-dir", dataDir.toString(), "consilium.stack.engine-database",
                "postgres")).engineDatabase()).isEqualTo(EngineDatabase.POSTGRES);
        Files.createDirectories(dataDir.resolve("engine-postgres"));
        assertThat(bind(here).engineDatabase()).isEqualTo(EngineDatabase.POSTGRES);
    }

    @Test
    void aRelativeDirectoryIsTakenFromTheWorkingDirectoryNotTheClassPath() {
        // "." exists on the class path too (target/test-classes here): a Path-typed binding would pick that
        assertThat(bind(Map.of("consilium.stack.home", ".")).homePath()).isEqualTo(Path.of("").toAbsolutePath());
    }

    @Test
    void heapsGrowAsUsedUnlessTheJdksOwnSizingIsAskedFor() {
        assertThat(bind(Map.of()).heapSizing()).isEqualTo(HeapSizing.AS_USED);
        assertThat(bind(Map.of("consilium.stack.heap-sizing", "jdk")).heapSizing()).isEqualTo(HeapSizing.JDK);
        assertThatThrownBy(() -> bind(Map.of("consilium.stack.heap-sizing", "tiny"))).isInstanceOf(BindException.class);
    }

    @Test
    void anEmptyServiceListMeansInfrastructureOnly() {
        assertThat(bind(Map.of("consilium.stack.services", "")).services()).isEmpty();
    }

    @Test
    void theOffsetShiftsEveryPort() {
        StackPorts ports = bind(Map.of("consilium.stack.port-offset", "20000")).ports();

        assertThat(ports.kafka()).isEqualTo(29092);
        assertThat(ports.kafkaController()).isEqualTo(29093);
        assertThat(ports.mongo()).isEqualTo(47017);
        assertThat(ports.smtp()).isEqualTo(23025);
        assertThat(ports.mailApi()).isEqualTo(28025);
        assertThat(ports.enginePostgres()).isEqualTo(25432);
        assertThat(ports.shift(8080)).isEqualTo(28080);
    }

    @Test
    void oneBrokerByDefaultThreeWhenAskedAndEachNodeOnItsOwnPorts() {
        StackProperties single = bind(Map.of("consilium.stack.port-offset", "20000"));
        assertThat(single.brokers()).isEqualTo(1);
        assertThat(single.kafkaBootstrapServers()).isEqualTo("localhost:29092");

        StackProperties three = bind(Map.of("consilium.stack.port-offset", "20000", "consilium.stack.brokers", "3"));
        assertThat(three.kafkaBootstrapServers()).isEqualTo("localhost:29092,localhost:29094,localhost:29096");
        assertThat(three.ports().kafkaController(1)).isEqualTo(29093);
        assertThat(three.ports().kafka(2)).isEqualTo(29094);
        assertThat(three.ports().kafkaController(3)).isEqualTo(29097);
    }

    @Test
    void refusesTwoBrokers() {
        // a majority of two controllers is two: either one down stops the cluster, no better than one node
        assertThatThrownBy(() -> bind(Map.of("consilium.stack.brokers", "2")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("consilium.stack.brokers must be 1 or 3");
    }

    @Test
    void refusesAnOffsetThatPushesPortsOutOfRange() {
        assertThatThrownBy(() -> bind(Map.of("consilium.stack.port-offset", "40000")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("port-offset");
    }

    private static StackProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("consilium.stack", StackProperties.class);
    }
}
