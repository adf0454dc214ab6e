package org.consilium.stack.heap;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the stack in a child JVM with a bounded heap (see {@link HeapLimit}) and stands in for it: same output,
 * same exit code; Ctrl-C and SIGTERM reach the child, which stops gracefully while this one waits. If this one
 * is killed with SIGKILL, the child's stdin (a pipe this one holds) closes and the child halts at once
 * ({@link ParentWatch}), so a kill -9 of the launcher still means what it meant: the whole stack is gone.
 */
public final class BoundedRelaunch {

    // the stack's own stop timeout (30 s by default) plus Kafka's controlled shutdown, with room to spare
    private static final long STOP_WAIT_SECONDS = 120;

    private BoundedRelaunch() {
    }

    /** Empty when this JVM should run the stack itself; else the child's exit code, once it has exited. */
    public static Optional<Integer> ifUnbounded(String[] args) {
        HeapLimit limit = new HeapLimit(ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty("java.class.path", ""));
        String java = ProcessHandle.current().info().command().orElse("java");
        return limit.relaunchCommand(java, ProcessHandle.current().pid(), args).map(BoundedRelaunch::run);
    }

    private static int run(List<String> command) {
        System.out.println("The stack's JVM has no heap limit (-Xmx): running it with "
                + String.join(" ", HeapLimit.boundedJvmOptions())
                + " in a child JVM. Give java an -Xmx of your own to choose the size and skip this.");
        Process child;
        try {
            child = new ProcessBuilder(command)
                    .redirectOutput(Redirect.INHERIT)
                    .redirectError(Redirect.INHERIT)
                    .redirectInput(Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            System.err.println("Could not start the stack's JVM (" + command.get(0) + "): " + e.getMessage());
            return 1;
        }
        // Ctrl-C reaches both JVMs; a SIGTERM only this one: either way the child gets its graceful stop
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child), "stop-stack"));
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    static void stop(Process child) {
        // SIGTERM through the handle: Process.destroy() would also close the child's stdin, which the child reads
        // as this JVM's death (ParentWatch) and halts in the middle of its graceful stop
        child.toHandle().destroy();
        try {
            if (!child.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroyForcibly();
        }
    }
}
