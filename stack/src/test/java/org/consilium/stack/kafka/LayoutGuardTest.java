package org.consilium.stack.kafka;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.consilium.stack.StackStartupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data dir keeps the Kafka layout it was made with: the other one would start without its records. */
class LayoutGuardTest {

    @TempDir
    Path dataDir;

    @Test
    void aSingleBrokersDataDirIsNotStartedAsACluster() throws Exception {
        formatted("kafka");

        assertThatThrownBy(() -> LayoutGuard.refuseSingleBrokerData(dataDir))
                .isInstanceOf(StackStartupException.class)
                .hasMessageContaining("single Kafka broker's log");
        assertThatCode(() -> LayoutGuard.refuseClusterData(dataDir)).doesNotThrowAnyException();
    }

    @Test
    void aClustersDataDirIsNotStartedAsASingleBroker() throws Exception {
        formatted("kafka-1");

        assertThatThrownBy(() -> LayoutGuard.refuseClusterData(dataDir))
                .isInstanceOf(StackStartupException.class)
                .hasMessageContaining("three-broker Kafka cluster's logs");
        assertThatCode(() -> LayoutGuard.refuseSingleBrokerData(dataDir)).doesNotThrowAnyException();
    }

    @Test
    void aNewDataDirTakesEither() {
        assertThatCode(() -> LayoutGuard.refuseClusterData(dataDir)).doesNotThrowAnyException();
        assertThatCode(() -> LayoutGuard.refuseSingleBrokerData(dataDir)).doesNotThrowAnyException();
    }

    private void formatted(String logDir) throws Exception {
        Files.createDirectories(dataDir.resolve(logDir));
        Files.writeString(dataDir.resolve(logDir).resolve("meta.properties"), "cluster.id=x\n");
    }
}
