package org.consilium.stack.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.consilium.stack.StackStartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wait for a freshly launched cluster: done when the controller counts every node as a registered, unfenced
 * broker; failed at once when a node exits (with the end of its log), or when the timeout passes.
 */
final class ClusterReadiness {

    private static final Logger log = LoggerFactory.getLogger(KafkaCluster.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private ClusterReadiness() {
    }

    static void await(List<BrokerNodeProcess> nodes, String bootstrapServers, Duration timeout, Path logs)
            throws InterruptedException {
        Instant begin = Instant.now();
        Instant deadline = begin.plus(timeout);
        Instant nextProgress = begin.plus(PROGRESS_EVERY);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "consilium-stack-cluster",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))) {
            while (true) {
                failIfOneExited(nodes);
                Set<Integer> registered = registeredBrokers(admin);
                if (registered.size() == nodes.size()) {
                    log.info("All {} Kafka nodes are registered brokers ({} ms)", nodes.size(),
                            Duration.between(begin, Instant.now()).toMillis());
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new StackStartupException("Kafka nodes registered after " + timeout.toSeconds() + " s: "
                            + registered + " of 1.." + nodes.size(),
                            "Look at the nodes' logs under " + logs + " (kafka-<n>.log)");
                }
                if (Instant.now().isAfter(nextProgress)) {
                    log.info("Kafka nodes registered so far: {}", registered);
                    nextProgress = Instant.now().plus(PROGRESS_EVERY);
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    private static void failIfOneExited(List<BrokerNodeProcess> nodes) {
        for (BrokerNodeProcess node : nodes) {
            if (!node.isAlive()) {
                throw new StackStartupException(node.name() + " exited with code " + node.process().exitValue()
                        + " during start-up. The end of its log (" + node.logFile() + "):" + System.lineSeparator()
                        + node.logTail(25), "Read " + node.logFile() + " for the cause; its data is " + node.logDir());
            }
        }
    }

    /** The brokers the controller counts as up (registered and not fenced); empty while there is no quorum. */
    private static Set<Integer> registeredBrokers(Admin admin) {
        try {
            return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream().map(Node::id)
                    .collect(Collectors.toSet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        } catch (Exception notYet) {
            return Set.of();
        }
    }
}
