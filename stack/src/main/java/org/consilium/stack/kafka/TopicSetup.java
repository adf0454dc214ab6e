package org.consilium.stack.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.consilium.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the topics of {@link Topics#ALL} before any service starts, with their intended partition count
 * (a service auto-creating them first would get the broker's default) and replication, raises one made with fewer
 * when nothing on it is unread ({@link PartitionRaise}), and waits until every partition has a leader and enough
 * in-sync replicas for a write with acks=all, so the first send of a service never races topic creation.
 */
@Component
public class TopicSetup {

    private static final Logger log = LoggerFactory.getLogger(TopicSetup.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    public void ensureTopics(String bootstrapServers, Replication replication) throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "consilium-stack"))) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> newTopic(topic, replication))
                    .toList();
            if (!missing.isEmpty()) {
                create(admin, missing);
                log.info("Created topics {} with {} partitions (the notification commands {}), replication factor {}",
                        missing.stream().map(NewTopic::name).toList(), Topics.PARTITIONS,
                        Topics.NOTIFICATION_COMMANDS_PARTITIONS, replication.factor());
            }
            Map<String, TopicDescription> topics = awaitLeaders(admin, replication, Map.of());
            Map<String, Integer> raised = new PartitionRaise(admin).raiseWhereRead(topics.values());
            if (!raised.isEmpty()) {
                // every new partition seen and writable before a service starts: a producer that still saw the old
                // count would put a case's first record where its next ones do not go
                awaitLeaders(admin, replication, raised);
            }
        }
    }

    private static NewTopic newTopic(String name, Replication replication) {
        NewTopic topic = new NewTopic(name, Topics.partitions(name), replication.factor());
        // said on the topic too, not only as the brokers' default: a topic's settings are what an operator reads
        return replication.factor() == 1 ? topic
                : topic.configs(Map.of("min.insync.replicas", String.valueOf(replication.minInsyncReplicas())));
    }

    private void create(Admin admin, List<NewTopic> topics) throws Exception {
        try {
            admin.createTopics(topics).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // someone (an auto-creating client) was faster: the topic is there, which is all we need
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** Waits until every topic, and every one just raised with its new partitions, is writable. */
    private Map<String, TopicDescription> awaitLeaders(Admin admin, Replication replication,
                                                       Map<String, Integer> raised) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (true) {
            try {
                Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames()
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                Map<String, TopicDescription> raisedNow = raised.isEmpty() ? Map.of()
                        : admin.describeTopics(raised.keySet()).allTopicNames().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                if (topics.values().stream().allMatch(topic -> writable(topic, replication))
                        && raisedNow.values().stream().allMatch(topic -> writable(topic, replication)
                        && topic.partitions().size() >= raised.get(topic.name()))) {
                    return topics;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Topics " + Topics.ALL + " not visible after " + TIMEOUT);
            }
            Thread.sleep(100);
        }
    }

    private boolean writable(TopicDescription topic, Replication replication) {
        return topic.partitions().stream().allMatch(partition -> partition.leader() != null
                && !partition.leader().isEmpty() && partition.isr().size() >= replication.minInsyncReplicas());
    }
}
