package org.consilium.stack.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.consilium.stack.StackPorts;
import org.consilium.stack.heap.ParentWatch;
import org.slf4j.LoggerFactory;

/**
 * One node of the stack's three-node cluster, in a JVM of its own (ADR 29): a KRaft broker and controller, the same
 * server classes the single broker runs in the launcher. Started by {@link KafkaCluster} as
 * {@code BrokerNode <node-id> <nodes> <port-offset> <log-dir> <cluster-id>}; its output is its log.
 * <p>
 * SIGTERM is a controlled shutdown. The launcher holds the other end of this JVM's stdin: when the launcher dies,
 * however it dies, the node halts too, as the single broker dies with the launcher it lives in.
 */
public final class BrokerNode {

    /**
     * Printed once the server's start returns, which Kafka holds until the controller has registered and unfenced
     * this incarnation of the node: the launcher reads it from the node's log to know a restarted node serves again
     * (the cluster may still list the dead incarnation until its session expires).
     */
    static final String STARTED = "kafka node: started in ";

    private BrokerNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("Usage: BrokerNode <node-id> <nodes> <port-offset> <log-dir> <cluster-id>");
            System.exit(2);
        }
        int nodeId = Integer.parseInt(args[0]);
        int nodes = Integer.parseInt(args[1]);
        StackPorts ports = new StackPorts(Integer.parseInt(args[2]));
        Path logDir = Path.of(args[3]);
        String clusterId = args[4];
        quietKafkaLogging();
        watchTheLauncher();

        Instant started = Instant.now();
        KafkaConfig config = new KafkaConfig(BrokerConfig.clusterNode(ports, nodeId, nodes, logDir), false);
        String formatted = KafkaLogDir.formatIfNew(config, logDir, clusterId);
        say(formatted.isEmpty() ? "reusing the log dir " + logDir
                : "formatted the log dir " + logDir + " for cluster " + clusterId + ": " + formatted);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("stopping (controlled shutdown)");
            server.shutdown();
            server.awaitShutdown();
            say("stopped");
        }, "kafka-node-stop"));
        try {
            server.startup();
        } catch (Throwable failed) {
            // Kafka's own threads would keep a JVM whose server never came up alive, and the launcher waiting for a
            // node that will never register: an exit says at once that (and, above it in the log, why) it failed
            failed.printStackTrace(System.out);
            Throwable cause = failed;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            // last, so the end of the log the launcher quotes says it in one line
            say("could not start: " + cause);
            System.out.flush();
            Runtime.getRuntime().halt(1);
        }
        System.out.println(Instant.now() + " " + STARTED + Duration.between(started, Instant.now()).toMillis() + " ms: broker 127.0.0.1:"
                + ports.kafka(nodeId) + ", controller 127.0.0.1:" + ports.kafkaController(nodeId) + ", node " + nodeId
                + " of " + nodes);
        System.out.flush();
        server.awaitShutdown();
    }

    private static void watchTheLauncher() {
        Thread watch = new Thread(() -> {
            ParentWatch.awaitEndOfInput(System.in);
            Runtime.getRuntime().halt(137);
        }, "launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** As in the launcher's own log (application.yaml): Kafka says what matters at WARN; INFO is every partition. */
    private static void quietKafkaLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
            logback.getLogger("kafka").setLevel(Level.WARN);
            logback.getLogger("org.apache.kafka").setLevel(Level.WARN);
            logback.getLogger("state.change.logger").setLevel(Level.WARN);
            logback.getLogger("org.apache.zookeeper").setLevel(Level.WARN);
            // warns "Performing controller activation ... This is expected" at every start
            logback.getLogger("org.apache.kafka.controller.QuorumController").setLevel(Level.ERROR);
            // a peer that was killed is retried every few hundred ms until it is back: one line each
            logback.getLogger("org.apache.kafka.clients.NetworkClient").setLevel(Level.ERROR);
        }
    }

    private static void say(String what) {
        System.out.println(Instant.now() + " kafka node: " + what);
    }
}
