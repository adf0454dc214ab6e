package org.consilium.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The range the kernel picks the local ports of outgoing connections from (Linux: 32768–60999 by default). A service
 * listening on a port in it can find the port taken, when it is restarted, by any client's connection (the fault
 * suite's bpmn, at port offset 36000, could not come back: port 44080 held by one of 200 clients' connections).
 */
record EphemeralPorts(int first, int last) {

    static final Path LINUX_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    /** This machine's range, where the system says (Linux); empty elsewhere. */
    static Optional<EphemeralPorts> ofThisMachine() {
        return read(LINUX_RANGE);
    }

    static Optional<EphemeralPorts> read(Path rangeFile) {
        try {
            String[] bounds = Files.readString(rangeFile).trim().split("\\s+");
            return Optional.of(new EphemeralPorts(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])));
        } catch (IOException | RuntimeException unknown) {
            return Optional.empty();
        }
    }

    /** The named ports that lie in the range, as "37017 (MongoDB)". */
    String within(Map<String, Integer> ports) {
        return ports.entrySet().stream().filter(port -> port.getValue() >= first && port.getValue() <= last)
                .map(port -> port.getValue() + " (" + port.getKey() + ")").collect(Collectors.joining(", "));
    }
}
