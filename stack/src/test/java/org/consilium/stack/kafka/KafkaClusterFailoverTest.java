package org.consilium.stack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.consilium.events.Topics;
import org.consilium.stack.StackProperties;
import org.consilium.stack.engine.EngineDatabase;
import org.consilium.stack.heap.HeapSizing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three-node cluster (ADR 29) with real processes: one node is killed with SIGKILL while a producer with
 * acks=all and a consumer group are at work. Every acknowledged record is read once, production goes on on two
 * nodes, and the supervisor brings the killed node back into every ISR.
 */
class KafkaClusterFailoverTest {

    private static final int OFFSET = 6300;
    private static final String GROUP = "failover-readers";

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedRecordIsReadOnceWhileANodeIsKilledAndComesBack() throws Exception {
        StackProperties properties = new StackProperties(dataDir.toString(), dataDir.toString(), OFFSET, List.of(),
                Duration.ofSeconds(120), Duration.ofSeconds(30), false, EngineDatabase.H2, 1, 3, HeapSizing.AS_USED);
        KafkaCluster cluster = new KafkaCluster(properties);
        try {
            long begin = System.nanoTime();
            cluster.start();
            new TopicSetup().ensureTopics(cluster.bootstrapServers(), cluster.replication());
            System.out.printf("three-node cluster up, topics writable, in %d ms%n", millisSince(begin));

            try (Admin admin = admin(cluster.bootstrapServers()); Traffic traffic = new Traffic(
                    cluster.bootstrapServers(), Topics.CASE_EVENTS, GROUP)) {
                // the controller made them; a broker that answers this may replay that a few milliseconds later
                await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                        .untilAsserted(() -> assertEveryTopicOnThreeNodesWithMinIsrTwo(admin));
                // the active controller: its death costs an election besides the broker's partitions
                int victim = admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId();
                long victimPid = cluster.pid(victim).orElseThrow();

                traffic.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> traffic.acknowledgedCount() >= 300);
                long killedAt = System.nanoTime();
                ProcessHandle.of(victimPid).orElseThrow().destroyForcibly();
                System.out.printf("killed node %d (pid %d, the active controller) with SIGKILL after %d acknowledged%n",
                        victim, victimPid, traffic.acknowledgedCount());

                // production continues on the two nodes left
                await().atMost(Duration.ofSeconds(60)).until(() -> sentAfter(traffic, killedAt) >= 300);
                long worst = traffic.acknowledged().values().stream().filter(times -> times[0] > killedAt)
                        .mapToLong(times -> times[1] - times[0]).max().orElseThrow();
                System.out.printf("writes go on: the slowest acknowledgement of a record sent after the kill took %d ms%n",
                        TimeUnit.NANOSECONDS.toMillis(worst));

                // the supervisor restarts the node; it registers again and catches up into every ISR
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
                        cluster.pid(victim).filter(pid -> pid != victimPid).isPresent() && cluster.isServing(victim)
                                && brokers(admin).size() == 3 && fullIsr(admin));
                System.out.printf("node %d back in the cluster and in every ISR %d ms after the kill%n", victim,
                        millisSince(killedAt));
                assertThat(brokers(admin)).containsExactlyInAnyOrder(1, 2, 3);

                await().atMost(Duration.ofSeconds(30)).until(() -> sentAfter(traffic, killedAt) >= 600);
                traffic.stopProducing();
                Set<String> acknowledged = Set.copyOf(traffic.acknowledged().keySet());
                await().atMost(Duration.ofSeconds(60)).until(() -> traffic.read().containsAll(acknowledged));
                traffic.close();

                List<String> read = traffic.read();
                Map<String, Long> timesRead = read.stream().collect(Collectors.groupingBy(Function.identity(),
                        Collectors.counting()));
                System.out.printf("%d sent, %d acknowledged, %d failed, %d read by the group%n", traffic.sentCount(),
                        acknowledged.size(), traffic.failedCount(), read.size());
                assertThat(timesRead).as("records read more than once")
                        .allSatisfy((value, times) -> assertThat(times).as(value).isEqualTo(1L));
                assertThat(read).containsAll(acknowledged);
                assertThat(lag(admin)).as("the group's committed offsets reach the end of every partition").isZero();
            }
        } finally {
            long stopping = System.nanoTime();
            cluster.stop();
            System.out.printf("cluster stopped in %d ms%n", millisSince(stopping));
        }
    }

    private static long sentAfter(Traffic traffic, long instant) {
        return traffic.acknowledged().values().stream().filter(times -> times[0] > instant).count();
    }

    private static void assertEveryTopicOnThreeNodesWithMinIsrTwo(Admin admin) throws Exception {
        Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames().get(10, TimeUnit.SECONDS);
        assertThat(topics.values()).allSatisfy(topic -> assertThat(topic.partitions())
                .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3)));
        ConfigResource caseEvents = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CASE_EVENTS);
        Config config = admin.describeConfigs(List.of(caseEvents)).all().get(10, TimeUnit.SECONDS).get(caseEvents);
        assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
    }

    private static Set<Integer> brokers(Admin admin) throws Exception {
        return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream().map(Node::id).collect(Collectors.toSet());
    }

    /** Every partition of the test's topic and of the committed offsets has all three replicas in sync again. */
    private static boolean fullIsr(Admin admin) throws Exception {
        Collection<TopicDescription> topics = admin.describeTopics(List.of(Topics.CASE_EVENTS, "__consumer_offsets"))
                .allTopicNames().get(5, TimeUnit.SECONDS).values();
        return topics.stream().flatMap(topic -> topic.partitions().stream()).map(TopicPartitionInfo::isr)
                .allMatch(isr -> isr.size() == 3);
    }

    private static long lag(Admin admin) throws Exception {
        Map<TopicPartition, Long> committed = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
        assertThat(committed).hasSize(3);
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .mapToLong(entry -> entry.getValue().offset() - committed.get(entry.getKey())).sum();
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
