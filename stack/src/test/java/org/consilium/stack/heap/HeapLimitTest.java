package org.consilium.stack.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HeapLimitTest {

    private static final String JAR = "/repo/stack/target/stack-exec.jar";

    @Test
    void aLimitTheUserGaveIsHonouredAsItIs() {
        assertThat(new HeapLimit(List.of("-Xmx256m"), JAR).relaunchCommand("java", 1, new String[0])).isEmpty();
        assertThat(new HeapLimit(List.of("-XX:MaxRAMPercentage=10"), JAR).given()).isTrue();
        assertThat(new HeapLimit(List.of("-XX:MaxHeapSize=300m"), JAR).given()).isTrue();
    }

    @Test
    void withoutALimitTheSameJarRunsAgainWithOneAndTheSameArguments() {
        HeapLimit none = new HeapLimit(List.of("-Dfile.encoding=UTF-8", "-agentlib:jdwp=transport=dt_socket,address=5005",
                "-XX:+HeapDumpOnOutOfMemoryError"), JAR);

        List<String> command = none.relaunchCommand("/jdk/bin/java", 4711,
                new String[] {"--consilium.stack.port-offset=10000"}).orElseThrow();

        assertThat(command).startsWith("/jdk/bin/java", "-Xmx" + HeapLimit.DEFAULT_MAX_HEAP, "-Xms16m")
                .contains("-Dfile.encoding=UTF-8", "-XX:+HeapDumpOnOutOfMemoryError",
                        "-D" + HeapLimit.RELAUNCHED_BY + "=4711")
                .doesNotContain("-agentlib:jdwp=transport=dt_socket,address=5005")
                .endsWith("-jar", JAR, "--consilium.stack.port-offset=10000");
    }

    @Test
    void notStartedFromOneJarMeansNoRelaunch() {
        assertThat(new HeapLimit(List.of(), "target/classes:target/test-classes").relaunchCommand("java", 1,
                new String[0])).isEmpty();
        assertThat(new HeapLimit(List.of(), "target/classes").relaunchCommand("java", 1, new String[0])).isEmpty();
    }
}
