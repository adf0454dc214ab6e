package org.consilium.stack.kafka;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

import org.consilium.stack.StackProperties;
import org.consilium.stack.heap.HeapSizing;
import org.consilium.stack.services.ChildProcess;
import org.consilium.stack.services.LeftoverProcesses;

/**
 * One Kafka node's child JVM: output in {@code <data-dir>/logs/kafka-<n>.log}, its pid under {@code <data-dir>/run}
 * as a service's is. Back after a restart when this launch is registered and unfenced.
 */
final class BrokerNodeProcess extends ChildProcess {

    // a node of a dev cluster holds a few dozen partitions: Kafka's own scripts give a broker 1 GB
    static final String MAX_HEAP = "256m";
    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final int nodeId;
    private final Path logDir;

    BrokerNodeProcess(int nodeId, int nodes, StackProperties properties, String clusterId, String javaCommand,
            String classPath) {
        // stdin kept open and never written: its end tells the node that the launcher is gone (BrokerNode)
        super(builder(nodeId, nodes, properties, clusterId, javaCommand, classPath),
                properties.dataPath().resolve("logs").resolve(name(nodeId) + ".log"),
                LeftoverProcesses.pidFile(properties.dataPath(), name(nodeId)), true);
        this.nodeId = nodeId;
        this.logDir = logDir(properties, nodeId);
    }

    private static Path logDir(StackProperties properties, int nodeId) {
        return properties.dataPath().resolve(name(nodeId));
    }

    private static ProcessBuilder builder(int nodeId, int nodes, StackProperties properties, String clusterId,
            String javaCommand, String classPath) {
        List<String> command = command(javaCommand, classPath, name(nodeId), properties.heapSizing());
        command.addAll(List.of(String.valueOf(nodeId), String.valueOf(nodes), String.valueOf(properties.portOffset()),
                logDir(properties, nodeId).toString(), clusterId));
        return new ProcessBuilder(command).directory(properties.homePath().toFile());
    }

    static String name(int nodeId) {
        return "kafka-" + nodeId;
    }

    /**
     * Runs {@link BrokerNode} from the launcher's own class path. From {@code stack-exec.jar} that is one jar with
     * the classes nested in it, which only Spring Boot's launcher can load: its PropertiesLauncher, told the main
     * class by {@code loader.main}. From a plain class path (tests, an IDE) the class is run directly.
     */
    static List<String> command(String javaCommand, String classPath, String name, HeapSizing heapSizing) {
        List<String> command = new ArrayList<>(List.of(javaCommand));
        // as the services'
        command.addAll(heapSizing.childJvmOptions(MAX_HEAP));
        command.addAll(List.of("-D" + LeftoverProcesses.CHILD_PROPERTY + "=" + name, "-cp", classPath));
        if (isBootJar(classPath)) {
            command.add("-Dloader.main=" + BrokerNode.class.getName());
            command.add(BOOT_LAUNCHER);
        } else {
            command.add(BrokerNode.class.getName());
        }
        return command;
    }

    static boolean isBootJar(String classPath) {
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getManifest() != null && jar.getManifest().getMainAttributes().getValue("Spring-Boot-Classes") != null;
        } catch (IOException e) {
            return false;
        }
    }

    int nodeId() {
        return nodeId;
    }

    String name() {
        return name(nodeId);
    }

    @Override
    public String label() {
        return name();
    }

    Path logDir() {
        return logDir;
    }

    /** This launch is registered and unfenced: it said so in its log ({@link BrokerNode#STARTED}). */
    boolean isServing() {
        return isAlive() && saidSinceStart(BrokerNode.STARTED);
    }

    @Override
    protected boolean isBack() {
        return isServing();
    }

    @Override
    protected String backAgain() {
        // not the cluster's list of brokers: until the dead incarnation's session expires, that still names it
        return "rejoined the cluster (registered and unfenced)";
    }

    @Override
    protected String whileDown() {
        return "; the other two nodes carry on (writes need both)";
    }
}
