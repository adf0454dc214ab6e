package org.consilium.e2e;

import static org.consilium.e2e.CaseDriver.submitLungCase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints numbers, asserts none: how long the stack takes to be ready, from nothing and again after kill -9 of its own
 * process with cases stored, and the CPU its JVMs spent getting there; each with the services' jars as built (the
 * baseline) and unpacked (issue 12's restart target: ready within 60 s), in the same run. On demand only:
 * {@code mvn -B -pl e2e verify -Dgroups=benchmark -Dexcluded.groups=none -Dtest=StackRestartBenchmark};
 * results in {@code e2e/target/benchmark-restart.txt}, recorded in docs/benchmarks.md.
 */
@Tag("benchmark")
class StackRestartBenchmark {
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 2);

    @TempDir
    Path dataDirs;

    @Test
    void measure() throws IOException {
        List<String> report = new ArrayList<>();
        report.add("%-10s %-8s %-28s %10s %14s".formatted("jars", "round", "start", "ready (s)", "CPU (core-s)"));
        for (int round = 1; round <= ROUNDS; round++) {
            for (boolean unpacked : new boolean[] {false, true}) {
                Map<String, String> environment = Map.of("CONSILIUM_STACK_UNPACK_JARS", String.valueOf(unpacked));
                Path dataDir = dataDirs.resolve((unpacked ? "unpacked-" : "as-built-") + round);
                String jars = unpacked ? "unpacked" : "as built";

                long started = System.nanoTime();
                RunningStack first = RunningStack.start(dataDir, environment);
                report.add(line(jars, round, "fresh data dir", started, first));
                for (int i = 0; i < 3; i++) {
                    submitLungCase("restart-" + UUID.randomUUID() + "@example.org");
                }
                first.killHard();

                started = System.nanoTime();
                try (RunningStack again = RunningStack.start(dataDir, environment)) {
                    report.add(line(jars, round, "after kill -9 of the stack", started, again));
                }
                report.forEach(System.out::println);
                System.out.println();
            }
        }
        report.add("machine: %d cores; load average at the end %s".formatted(Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim()));
        Files.write(Path.of("target/benchmark-restart.txt"), report);
        report.forEach(System.out::println);
    }

    private static String line(String jars, int round, String start, long startedNanos, RunningStack stack) {
        return "%-10s %-8d %-28s %10.1f %14.1f".formatted(jars, round, start, (System.nanoTime() - startedNanos) / 1e9,
                stack.cpuSeconds());
    }
}
