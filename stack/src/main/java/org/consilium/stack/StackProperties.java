package org.consilium.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.consilium.stack.engine.EngineDatabase;
import org.consilium.stack.heap.HeapSizing;
import org.consilium.stack.services.ServiceCatalog;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code consilium.stack.*}: where state lives, where the service jars are, which ports and services.
 *
 * @param dataDir      all state (Kafka log, Mongo file, engine DB, logs); relative to the working directory
 * @param home         the repository root holding {@code <module>/target/<module>-exec.jar}
 * @param portOffset   added to every port, so a second stack can run beside a developer's
 * @param services     modules to launch, in the catalog's names; unset means all, empty means infrastructure only
 * @param readyTimeout how long the services get to report ready
 * @param stopTimeout  how long the services get to shut down gracefully before they are killed
 * @param unpackJars   run each service from its jar unpacked once per build (about half the CPU per start); false
 *                     runs the jars as built (no extra ~100 MB per service beside them)
 * @param engineDatabase the engine's database: a PostgreSQL server the stack runs, or an H2 file; unset means
 *                     PostgreSQL, unless the data dir's engine already lives in an H2 file
 * @param replicas     how many JVMs of each domain service and of the engine run side by side (1 to 3), behind one
 *                     port each ({@code ReplicaProxy}); the identity provider and the console stay single
 * @param brokers      Kafka nodes: 1 (a broker and controller inside the launcher) or 3 (a cluster of three
 *                     processes, replication factor 3, min.insync.replicas 2; ADR 29)
 * @param heapSizing   how the services' and Kafka nodes' heaps grow below their -Xmx: {@code as-used} (from 16 MB, as
 *                     the live data needs) or {@code jdk} (the JDK's own: from 1/64 of the machine's memory)
 */
@ConfigurationProperties("consilium.stack")
public record StackProperties(
        @DefaultValue("./data") String dataDir,
        @DefaultValue(".") String home,
        @DefaultValue("0") int portOffset,
        List<String> services,
        @DefaultValue("180s") Duration readyTimeout,
        @DefaultValue("30s") Duration stopTimeout,
        @DefaultValue("true") boolean unpackJars,
        EngineDatabase engineDatabase,
        @DefaultValue("1") int replicas,
        @DefaultValue("1") int brokers,
        @DefaultValue("as-used") HeapSizing heapSizing) {

    public StackProperties {
        // bound as text and made absolute here: Spring's PathEditor would resolve "." against the class path
        dataDir = Path.of(dataDir).toAbsolutePath().normalize().toString();
        home = Path.of(home).toAbsolutePath().normalize().toString();
        // null (not given) means "everything"; an explicitly empty value means "no services at all"
        services = services == null ? ServiceCatalog.names() : List.copyOf(services);
        engineDatabase = engineDatabase == null ? EngineDatabase.defaultFor(Path.of(dataDir)) : engineDatabase;
        StackPorts.checkOffset(portOffset);
        if (replicas < 1 || replicas > StackPorts.MAX_REPLICAS) {
            throw new IllegalArgumentException("consilium.stack.replicas is " + replicas + "; it must be between 1 and "
                    + StackPorts.MAX_REPLICAS);
        }
        // two nodes would lose their quorum with either one (a majority of two is two): no better than one
        if (brokers != 1 && brokers != StackPorts.MAX_KAFKA_NODES) {
            throw new IllegalArgumentException("consilium.stack.brokers must be 1 or " + StackPorts.MAX_KAFKA_NODES
                    + ", not " + brokers);
        }
    }

    public Path dataPath() {
        return Path.of(dataDir);
    }

    public Path homePath() {
        return Path.of(home);
    }

    public StackPorts ports() {
        return new StackPorts(portOffset);
    }

    /** Every Kafka node's address, as the services and the stack's own clients are given them. */
    public String kafkaBootstrapServers() {
        return ports().kafkaBootstrap(brokers);
    }
}
