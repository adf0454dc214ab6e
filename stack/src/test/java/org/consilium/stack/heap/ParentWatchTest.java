package org.consilium.stack.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A stack relaunched with a bounded heap ends when its parent is killed -9: the parent's end of its stdin
 * closes, as it does here when the test (standing in for the parent) closes it.
 */
class ParentWatchTest {

    @Test
    void aRelaunchedStackHaltsWhenItsParentIsGone() throws Exception {
        Process stack = start("-D" + HeapLimit.RELAUNCHED_BY + "=" + ProcessHandle.current().pid());
        try {
            awaitReady(stack);

            stack.getOutputStream().close();

            assertThat(stack.waitFor(30, TimeUnit.SECONDS)).as("halted after its parent went").isTrue();
            assertThat(stack.exitValue()).isEqualTo(137);
        } finally {
            stack.destroyForcibly();
        }
    }

    @Test
    void aStopFromTheParentIsGracefulNotAHalt() throws Exception {
        Process stack = start("-D" + HeapLimit.RELAUNCHED_BY + "=" + ProcessHandle.current().pid());
        try {
            awaitReady(stack);

            BoundedRelaunch.stop(stack);

            // 143: ended by SIGTERM after its shutdown hooks; a halt for a closed stdin would be 137
            assertThat(stack.exitValue()).isEqualTo(143);
        } finally {
            stack.destroyForcibly();
        }
    }

    @Test
    void aStackStartedDirectlyIgnoresItsInput() throws Exception {
        Process stack = start("-Dunrelated=true");
        try {
            awaitReady(stack);

            stack.getOutputStream().close();

            assertThat(stack.waitFor(2, TimeUnit.SECONDS)).as("still running").isFalse();
        } finally {
            stack.destroyForcibly();
        }
    }

    private static Process start(String property) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, property, "-cp", System.getProperty("java.class.path"),
                WatchedStack.class.getName()).redirectErrorStream(true).start();
    }

    private static void awaitReady(Process stack) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null && !line.equals("READY"); line = out.readLine()) {
            // start-up noise
        }
    }
}
