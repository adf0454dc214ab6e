package org.consilium.stack.kafka;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.consilium.stack.StackPorts;
import org.consilium.stack.StackProperties;
import org.consilium.stack.services.ChildSupervision;
import org.consilium.stack.services.RestartPolicy;
import org.consilium.stack.services.UnpackedJars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three KRaft nodes, each broker and controller, each its own child JVM ({@link BrokerNode}; ADR 29). Started
 * together (a node's start waits for a controller majority), ready when all three are registered brokers. From then
 * on a node that dies is restarted as a service is: the same back-off and cap ({@link RestartPolicy}); its log dir
 * is reused, so it rejoins with its replicas and catches up.
 */
public class KafkaCluster implements KafkaBackbone {

    public static final int NODES = StackPorts.MAX_KAFKA_NODES;

    private static final Logger log = LoggerFactory.getLogger(KafkaCluster.class);

    private final StackProperties properties;
    private final ChildSupervision supervision;
    private volatile List<BrokerNodeProcess> nodes = List.of();

    public KafkaCluster(StackProperties properties) {
        this.properties = properties;
        this.supervision = new ChildSupervision("kafka-supervisor", properties.readyTimeout(),
                node -> "Check that java can run the stack's own class path again");
    }

    @Override
    public void start() throws Exception {
        LayoutGuard.refuseSingleBrokerData(properties.dataPath());
        String clusterId = ClusterId.of(properties.dataPath());
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = nodeClassPath(java);
        nodes = IntStream.rangeClosed(1, NODES)
                .mapToObj(node -> new BrokerNodeProcess(node, NODES, properties, clusterId, java, classPath))
                .toList();
        for (BrokerNodeProcess node : nodes) {
            if (!supervision.launch(node)) {
                return; // the stack is being stopped
            }
            log.info("Started {} (pid {}) on localhost:{}; log: {}", node.name(), node.process().pid(),
                    properties.ports().kafka(node.nodeId()), node.logFile());
        }
        ClusterReadiness.await(nodes, bootstrapServers(), properties.readyTimeout(), properties.dataPath().resolve("logs"));
        supervision.superviseFromNow(nodes);
    }

    /**
     * The launcher's own class path, absolute (the nodes run in the stack's home, which need not be where this JVM
     * was started). From {@code stack-exec.jar}, the jar unpacked once per build as the services' are
     * ({@link UnpackedJars}): a node then loads plain jars instead of jars nested in a jar, on a quarter less CPU
     * (2.2 instead of 3.0 s each to a registered broker, measured on two cores), which three nodes starting at once
     * and every restart after a kill wait for.
     */
    private String nodeClassPath(String java) {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        if (!properties.unpackJars() || !BrokerNodeProcess.isBootJar(classPath)) {
            return classPath;
        }
        UnpackedJars unpacked = new UnpackedJars(java);
        unpacked.prepare(List.of(Path.of(classPath)));
        return unpacked.launchable(Path.of(classPath)).toString();
    }

    @Override
    public String bootstrapServers() {
        return properties.ports().kafkaBootstrap(NODES);
    }

    @Override
    public Replication replication() {
        return Replication.THREE_NODES;
    }

    @Override
    public String layout() {
        StackPorts ports = properties.ports();
        return NODES + " KRaft nodes (each broker and controller, each its own JVM) on "
                + IntStream.rangeClosed(1, NODES).mapToObj(node -> "localhost:" + ports.kafka(node)
                        + " (controller " + ports.kafkaController(node) + ")").collect(Collectors.joining(", "))
                + ", log dirs " + properties.dataPath().resolve("kafka-{1.." + NODES + "}")
                + ", replication factor " + replication().factor() + ", min.insync.replicas "
                + replication().minInsyncReplicas();
    }

    /** The node's current JVM, while it runs: what a test kills to see the cluster carry on. */
    public Optional<Long> pid(int nodeId) {
        return nodes.stream().filter(node -> node.nodeId() == nodeId).findFirst()
                .filter(BrokerNodeProcess::isAlive).map(node -> node.process().pid());
    }

    /** The node runs and its current launch is registered and unfenced (not only listed from before a crash). */
    public boolean isServing(int nodeId) {
        return nodes.stream().filter(node -> node.nodeId() == nodeId).findFirst()
                .filter(BrokerNodeProcess::isServing).isPresent();
    }

    /** SIGTERM to all three at once (each a controlled shutdown), SIGKILL to any still there after the stop timeout. */
    @Override
    public void stop() throws Exception {
        supervision.stop(); // nothing is started again after this, not even a restart already scheduled
        List<BrokerNodeProcess> alive = nodes.stream().filter(BrokerNodeProcess::isAlive).toList();
        if (alive.isEmpty()) {
            return;
        }
        long begin = System.nanoTime();
        // together: one by one, the last node's controlled shutdown would wait for a controller majority that
        // has already left
        alive.forEach(BrokerNodeProcess::requestStop);
        Instant deadline = Instant.now().plus(properties.stopTimeout());
        for (BrokerNodeProcess node : nodes) {
            node.awaitStop(deadline);
        }
        log.info("Kafka's {} nodes stopped in {} ms", alive.size(), Duration.ofNanos(System.nanoTime() - begin).toMillis());
    }
}
