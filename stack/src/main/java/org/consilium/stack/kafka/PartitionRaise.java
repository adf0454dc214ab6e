package org.consilium.stack.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.consilium.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a topic made with fewer partitions than {@link Topics#partitions} (by an older version of the stack: the
 * notification commands had 3, ADR 34) the partitions it is meant to have, while the stack starts and no service runs,
 * but only when nothing on it is left to read: more partitions move a case's key to another partition, so an unread
 * record of the case could be read after a newer one. That is deploy/README.md's procedure for a real cluster
 * (producers stopped, the lag at 0), done here where the stack knows both. When a record is unread, the topic keeps
 * its partitions and the start says why; the next start tries again.
 */
final class PartitionRaise {
    private static final Logger log = LoggerFactory.getLogger(PartitionRaise.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Admin admin;

    PartitionRaise(Admin admin) {
        this.admin = admin;
    }

    /**
     * Raises each topic with fewer partitions than intended where that is safe, together with its dead-letter topics
     * ({@code error.<topic>.<group>}, which the binders made with the topic's count: a record is dead-lettered to its
     * own partition number, which a dead-letter topic with fewer partitions does not have); returns each topic raised
     * with the partitions it has now.
     */
    Map<String, Integer> raiseWhereRead(Collection<TopicDescription> topics) throws Exception {
        Map<String, Integer> raised = new TreeMap<>();
        Set<String> existing = null; // listed only when a topic needs raising: most starts raise none
        for (TopicDescription topic : topics) {
            int intended = Topics.partitions(topic.name());
            int has = topic.partitions().size();
            if (has >= intended) {
                continue;
            }
            if (existing == null) {
                existing = admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            List<TopicDescription> together = new ArrayList<>(List.of(topic));
            List<String> deadLetters = existing.stream().filter(name -> name.startsWith("error." + topic.name() + "."))
                    .toList();
            if (!deadLetters.isEmpty()) {
                admin.describeTopics(deadLetters).allTopicNames().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).values()
                        .stream().filter(dlq -> dlq.partitions().size() < intended).forEach(together::add);
            }
            List<String> unread = new ArrayList<>();
            for (TopicDescription each : together) {
                unread(each).ifPresent(reason -> unread.add(each.name() + ": " + reason));
            }
            if (!unread.isEmpty()) {
                log.warn("Topic {} has {} partitions, fewer than the intended {}; left as it is because {}. It is "
                        + "raised at a later start once that is read (or see deploy/README.md)", topic.name(), has,
                        intended, String.join("; ", unread));
                continue;
            }
            admin.createPartitions(together.stream().collect(Collectors.toMap(TopicDescription::name,
                    each -> NewPartitions.increaseTo(intended)))).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            together.forEach(each -> raised.put(each.name(), intended));
            log.info("Topic {} raised from {} to {} partitions, with its dead-letter topics {}: every record on them "
                    + "had been read", topic.name(), has, intended, together.stream().skip(1).map(TopicDescription::name)
                    .toList());
        }
        return raised;
    }

    /** Why raising the topic's partitions could reorder a case's records; empty when nothing on it is unread. */
    Optional<String> unread(TopicDescription topic) throws Exception {
        List<TopicPartition> partitions = topic.partitions().stream()
                .map(partition -> new TopicPartition(topic.name(), partition.partition())).toList();
        Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        List<TopicPartition> holding = partitions.stream().filter(p -> end.get(p) > start.get(p)).toList();
        if (holding.isEmpty()) {
            return Optional.empty();
        }
        int readers = 0;
        List<String> behind = new ArrayList<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (committed.keySet().stream().noneMatch(p -> p.topic().equals(topic.name()))) {
                continue;
            }
            readers++;
            long unread = holding.stream().mapToLong(p -> {
                OffsetAndMetadata offset = committed.get(p);
                return end.get(p) - (offset == null ? start.get(p) : offset.offset());
            }).filter(records -> records > 0).sum();
            if (unread > 0) {
                behind.add("consumer group " + group.groupId() + " has " + unread + " unread record(s)");
            }
        }
        if (readers == 0) {
            return Optional.of("it holds records no consumer group has read");
        }
        return behind.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", behind));
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, ListOffsetsResultInfo> found = admin.listOffsets(partitions.stream()
                        .collect(Collectors.toMap(Function.identity(), p -> spec))).all()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return found.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
