package org.consilium.console.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How far behind each consumer group is on each topic it reads: the broker's newest offset less the group's
 * committed one, summed over the topic's partitions (what kafka-consumer-groups.sh prints). A group that keeps
 * falling behind is a service that is down, stuck or too slow; the alert ConsumerLagGrowing says the same.
 */
@Component
class ConsumerLag {

    private final String bootstrapServers;

    ConsumerLag(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** One group on one topic. */
    record Row(String group, String topic, long lag, long committed, long newest, int partitions) {
    }

    /** Every group's lag per topic, the largest first. */
    List<Row> all() {
        return BrokerAdmin.read(bootstrapServers, admin -> {
            List<Row> rows = new ArrayList<>();
            for (ConsumerGroupListing group : BrokerAdmin.answer(admin.listConsumerGroups().all())) {
                Map<TopicPartition, OffsetAndMetadata> committed = BrokerAdmin.answer(
                        admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata());
                if (committed.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> newest = BrokerAdmin.answer(
                        admin.listOffsets(latest).all());
                Map<String, long[]> perTopic = new HashMap<>(); // lag, committed, newest, partitions
                committed.forEach((partition, offset) -> {
                    long end = newest.get(partition).offset();
                    long at = offset == null ? 0 : offset.offset();
                    long[] sums = perTopic.computeIfAbsent(partition.topic(), topic -> new long[4]);
                    sums[0] += Math.max(0, end - at);
                    sums[1] += at;
                    sums[2] += end;
                    sums[3]++;
                });
                perTopic.forEach((topic, sums) -> rows.add(new Row(group.groupId(), topic, sums[0], sums[1], sums[2], (int) sums[3])));
            }
            rows.sort(Comparator.comparingLong(Row::lag).reversed().thenComparing(Row::group).thenComparing(Row::topic));
            return rows;
        });
    }
}
