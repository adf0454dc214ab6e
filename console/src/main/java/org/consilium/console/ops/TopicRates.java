package org.consilium.console.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many messages each topic took in the last minute and, per minute, in the last quarter of an hour, from the
 * broker alone: the offset of the first record at or after each instant (Kafka's offsets-for-times), against the
 * newest. Nothing is kept between two reads of the page, so the first read already says it.
 */
@Component
public class TopicRates {
    private static final Duration SHORT = Duration.ofMinutes(1);
    private static final Duration LONG = Duration.ofMinutes(15);

    private final String bootstrapServers;
    private final Clock clock;

    TopicRates(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers, Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.clock = clock;
    }

    /** One topic: messages in the last minute, per minute over the last 15, and all it holds. */
    public record Row(String topic, int partitions, long lastMinute, double perMinuteOver15, long held) {
    }

    /** Every topic but Kafka's own, the busiest first. */
    List<Row> all() {
        return BrokerAdmin.read(bootstrapServers, admin -> {
            Set<String> topics = BrokerAdmin.answer(admin.listTopics().names());
            Map<String, TopicDescription> described = BrokerAdmin.answer(admin.describeTopics(topics).allTopicNames());
            List<TopicPartition> partitions = described.values().stream()
                    .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                    .toList();
            long now = clock.millis();
            Map<TopicPartition, ListOffsetsResultInfo> newest = offsets(admin, partitions, OffsetSpec.latest());
            Map<TopicPartition, ListOffsetsResultInfo> earliest = offsets(admin, partitions, OffsetSpec.earliest());
            Map<TopicPartition, ListOffsetsResultInfo> minuteAgo = offsets(admin, partitions,
                    OffsetSpec.forTimestamp(now - SHORT.toMillis()));
            Map<TopicPartition, ListOffsetsResultInfo> quarterAgo = offsets(admin, partitions,
                    OffsetSpec.forTimestamp(now - LONG.toMillis()));
            Map<String, long[]> perTopic = new HashMap<>(); // last minute, last 15 minutes, held, partitions
            for (TopicPartition partition : partitions) {
                long end = newest.get(partition).offset();
                long[] sums = perTopic.computeIfAbsent(partition.topic(), topic -> new long[4]);
                sums[0] += end - since(minuteAgo.get(partition), end);
                sums[1] += end - since(quarterAgo.get(partition), end);
                sums[2] += end - earliest.get(partition).offset();
                sums[3]++;
            }
            List<Row> rows = new ArrayList<>();
            perTopic.forEach((topic, sums) -> rows.add(new Row(topic, (int) sums[3], sums[0],
                    Math.round(sums[1] * 10.0 / LONG.toMinutes()) / 10.0, sums[2])));
            rows.sort(Comparator.comparingLong(Row::lastMinute).reversed().thenComparing(Comparator
                    .comparingDouble(Row::perMinuteOver15).reversed()).thenComparing(Row::topic));
            return rows;
        });
    }

    /** The first offset at or after the instant asked for; none (-1) means no record since, so the newest. */
    private static long since(ListOffsetsResultInfo found, long newest) {
        return found == null || found.offset() < 0 ? newest : found.offset();
    }

    private static Map<TopicPartition, ListOffsetsResultInfo> offsets(Admin admin, List<TopicPartition> partitions,
                                                                      OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        return BrokerAdmin.answer(admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec))).all());
    }
}
