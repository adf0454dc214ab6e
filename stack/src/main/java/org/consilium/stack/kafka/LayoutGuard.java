package org.consilium.stack.kafka;

import java.nio.file.Path;

import org.consilium.stack.StackStartupException;

/**
 * A data dir's Kafka is one broker ({@code kafka/}) or three nodes ({@code kafka-1..3/}), never moved from one to the
 * other: the other layout would start empty while MongoDB and the engine keep cases that wait for its records and
 * offsets. So a data dir keeps the layout it was made with, and asking for the other one stops the start.
 */
final class LayoutGuard {

    private LayoutGuard() {
    }

    static void refuseSingleBrokerData(Path dataDir) {
        if (KafkaLogDir.isFormatted(dataDir.resolve("kafka")) && !KafkaLogDir.isFormatted(dataDir.resolve("kafka-1"))) {
            throw new StackStartupException("The data dir " + dataDir + " holds a single Kafka broker's log (kafka/); "
                    + "a three-broker cluster would start without its topics, records and offsets",
                    "Start it without --consilium.stack.brokers=3, or use a new data dir for three brokers");
        }
    }

    static void refuseClusterData(Path dataDir) {
        if (KafkaLogDir.isFormatted(dataDir.resolve("kafka-1")) && !KafkaLogDir.isFormatted(dataDir.resolve("kafka"))) {
            throw new StackStartupException("The data dir " + dataDir + " holds a three-broker Kafka cluster's logs "
                    + "(kafka-1..3/); a single broker would start without their topics, records and offsets",
                    "Start it with --consilium.stack.brokers=3, or use a new data dir for one broker");
        }
    }
}
