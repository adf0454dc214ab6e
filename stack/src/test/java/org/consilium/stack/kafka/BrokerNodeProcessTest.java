package org.consilium.stack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.consilium.stack.StackPorts;
import org.consilium.stack.heap.HeapSizing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a Kafka node's JVM is started with, and the configuration it then runs (ADR 29). */
class BrokerNodeProcessTest {

    @TempDir
    Path dir;

    @Test
    void fromTheStacksOwnJarSpringBootsLauncherRunsTheNode() throws Exception {
        Path jar = jar(dir.resolve("stack-exec.jar"), "BOOT-INF/classes/");

        List<String> command = BrokerNodeProcess.command("/usr/bin/java", jar.toString(), "kafka-2", HeapSizing.AS_USED);

        assertThat(command).containsSubsequence("/usr/bin/java", "-Xmx256m", "-Xms16m", "-Dconsilium.stack.child=kafka-2",
                "-cp", jar.toString(), "-Dloader.main=" + BrokerNode.class.getName(),
                "org.springframework.boot.loader.launch.PropertiesLauncher");
    }

    @Test
    void fromAPlainClassPathTheNodesClassRunsDirectly() throws Exception {
        Path plain = jar(dir.resolve("booter.jar"), null);

        assertThat(BrokerNodeProcess.command("java", "a.jar:b", "kafka-1", HeapSizing.AS_USED))
                .endsWith("-cp", "a.jar:b", BrokerNode.class.getName());
        assertThat(BrokerNodeProcess.command("java", plain.toString(), "kafka-1", HeapSizing.AS_USED))
                .endsWith("-cp", plain.toString(), BrokerNode.class.getName());
    }

    @Test
    void everyNodeIsAVoterAndEveryTopicIsKeptOnThree() {
        Map<String, Object> config = BrokerConfig.clusterNode(new StackPorts(100), 2, 3, dir.resolve("kafka-2"));

        assertThat(config).containsEntry("node.id", 2)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9193,2@127.0.0.1:9195,3@127.0.0.1:9197")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9194,CONTROLLER://127.0.0.1:9195")
                .containsEntry("default.replication.factor", 3)
                .containsEntry("min.insync.replicas", 2)
                .containsEntry("offsets.topic.replication.factor", (short) 3)
                .containsEntry("transaction.state.log.replication.factor", (short) 3)
                .containsEntry("transaction.state.log.min.isr", 2)
                .containsEntry("unclean.leader.election.enable", false);
    }

    @Test
    void theSingleBrokerKeepsItsOneCopyAndItsPorts() {
        Map<String, Object> config = BrokerConfig.of(new StackPorts(0), dir.resolve("kafka"));

        assertThat(config).containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("offsets.topic.replication.factor", (short) 1)
                .containsEntry("min.insync.replicas", 1);
    }

    private static Path jar(Path file, String bootClasses) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (bootClasses != null) {
            manifest.getMainAttributes().putValue("Spring-Boot-Classes", bootClasses);
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }
}
