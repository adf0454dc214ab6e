package org.consilium.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EphemeralPortsTest {

    @TempDir
    Path dir;

    @Test
    void readsTheKernelsRangeAndNamesThePortsInIt() throws IOException {
        Path range = Files.writeString(dir.resolve("ip_local_port_range"), "32768\t60999\n");
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("MongoDB", 37017);
        ports.put("bpmn", 18080);
        ports.put("mail API", 60999);

        assertThat(EphemeralPorts.read(range)).hasValue(new EphemeralPorts(32768, 60999));
        assertThat(new EphemeralPorts(32768, 60999).within(ports)).isEqualTo("37017 (MongoDB), 60999 (mail API)");
    }

    @Test
    void noRangeWhereTheSystemDoesNotSay() throws IOException {
        assertThat(EphemeralPorts.read(dir.resolve("absent"))).isEmpty();
        assertThat(EphemeralPorts.read(Files.writeString(dir.resolve("garbled"), "many"))).isEmpty();
    }
}
