package org.consilium.stack.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.consilium.stack.StackPorts;
import org.consilium.stack.StackProperties;
import org.consilium.stack.StackStartupException;
import org.consilium.stack.engine.EngineDatabase;
import org.consilium.stack.heap.HeapSizing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node that cannot start fails the stack's start at once, naming it and quoting its log, as a service does. */
class KafkaClusterStartTest {

    private static final int OFFSET = 6600;

    @TempDir
    Path dataDir;

    @Test
    void aNodeThatCannotStartFailsTheStartNamingIt() throws Exception {
        StackProperties properties = new StackProperties(dataDir.toString(), dataDir.toString(), OFFSET, List.of(),
                Duration.ofSeconds(120), Duration.ofSeconds(30), false, EngineDatabase.H2, 1, 3, HeapSizing.AS_USED);
        KafkaCluster cluster = new KafkaCluster(properties);
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), new StackPorts(OFFSET).kafka(2)));

            assertThatThrownBy(cluster::start)
                    .isInstanceOf(StackStartupException.class)
                    .hasMessageContaining("kafka-2 exited with code 1 during start-up")
                    .hasMessageContaining("could not start: java.net.BindException: Address already in use")
                    .hasMessageContaining(dataDir.resolve("logs").resolve("kafka-2.log").toString());
        } finally {
            cluster.stop();
        }
    }
}
