package org.consilium.stack.heap;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The launcher's heap must have a bound: it hosts Kafka, the MongoDB-wire store and mail, and without
 * {@code -Xmx} the JVM may take a quarter of the machine's memory (6 GB here) and did grow to 2.3 GB
 * (issue 12). A jar's manifest cannot set the heap, so {@code java -jar stack-exec.jar} without a limit
 * runs the stack in a child JVM that has one; a limit given by the user is always honoured as it is.
 *
 * @param jvmArguments the arguments this JVM was started with (including those from the environment)
 * @param classPath    this JVM's class path: a single jar when started with {@code java -jar}
 */
public record HeapLimit(List<String> jvmArguments, String classPath) {

    /** Ample for the broker, the store's 16 MB page cache and GridFS messages of up to 48 MB. */
    public static final String DEFAULT_MAX_HEAP = "512m";

    /** Set in the child: the parent's pid, whose end of the child's stdin closes when it dies. */
    public static final String RELAUNCHED_BY = "consilium.stack.relaunched-by";

    private static final List<String> HEAP_LIMITS = List.of("-Xmx", "-XX:MaxHeapSize=", "-XX:MaxRAM=",
            "-XX:MaxRAMPercentage=", "-XX:MaxRAMFraction=");

    public HeapLimit {
        jvmArguments = List.copyOf(jvmArguments);
    }

    /** The heap the relaunched launcher runs with (and the e2e tests' launcher, as a user's would). */
    public static List<String> boundedJvmOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx" + DEFAULT_MAX_HEAP));
        // grown as Kafka and the store need it, as the services' heaps are
        options.addAll(HeapSizing.AS_USED.options());
        // the least memory per byte of heap, and short pauses at this size
        options.add("-XX:+UseSerialGC");
        return List.copyOf(options);
    }

    public boolean given() {
        return jvmArguments.stream().anyMatch(argument -> HEAP_LIMITS.stream().anyMatch(argument::startsWith));
    }

    /**
     * The command that runs the same jar with the same arguments and a bounded heap, or empty when no relaunch
     * is needed (a limit was given) or possible (not started from one jar, e.g. in a test or an IDE).
     */
    public Optional<List<String>> relaunchCommand(String java, long parentPid, String[] args) {
        if (given() || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(boundedJvmOptions());
        // the user's system properties and VM flags travel along; debug agents do not (their port is taken)
        jvmArguments.stream().filter(argument -> argument.startsWith("-D") || argument.startsWith("-XX:"))
                .forEach(command::add);
        command.add("-D" + RELAUNCHED_BY + "=" + parentPid);
        command.add("-jar");
        command.add(classPath);
        command.addAll(Arrays.asList(args));
        return Optional.of(command);
    }
}
