package org.consilium.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.consilium.stack.services.ServiceCatalog;
import org.junit.jupiter.api.Test;
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
    }

    @Test
    void aRelativeDirectoryIsTakenFromTheWorkingDirectoryNotTheClassPath() {
        // "." exists on the class path too (target/test-classes here): a Path-typed binding would pick that
        assertThat(bind(Map.of("consilium.stack.home", ".")).homePath()).isEqualTo(Path.of("").toAbsolutePath());
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
        assertThat(ports.shift(8080)).isEqualTo(28080);
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
