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
 * baseline) and unpacked (issue 12's restart target: ready within 60 s), in the same run; with
 * {@code -Dbenchmark.compare=engine-database} the engine on the stack's PostgreSQL beside the H2 file instead (issue
 * 17); with {@code -Dbenchmark.compare=heap-sizing} the child JVMs' heaps grown as used beside the JDK's own sizing
 * (issue 16). On demand only:
 * {@code mvn -B -pl e2e verify -Dgroups=benchmark -Dexcluded.groups=none -Dtest=StackRestartBenchmark};
 * results in {@code e2e/target/benchmark-restart.txt}, recorded in docs/benchmarks.md.
 */
@Tag("benchmark")
class StackRestartBenchmark {
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 2);
    private static final Comparison COMPARED = switch (System.getProperty("benchmark.compare", "jars")) {
        case "engine-database" -> new Comparison("engine DB", "CONSILIUM_STACK_ENGINE_DATABASE",
                List.of(new Variant("H2", "h2"), new Variant("PostgreSQL", "postgres")));
        case "heap-sizing" -> new Comparison("heaps", "CONSILIUM_STACK_HEAP_SIZING",
                List.of(new Variant("JDK's", "jdk"), new Variant("as used", "as-used")));
        default -> new Comparison("jars", "CONSILIUM_STACK_UNPACK_JARS",
                List.of(new Variant("as built", "false"), new Variant("unpacked", "true")));
    };

    /** What is compared: one setting of the stack, as its environment variable, and the values it takes. */
    private record Comparison(String heading, String variable, List<Variant> variants) {
    }

    private record Variant(String label, String value) {
    }

    @TempDir
    Path dataDirs;

    @Test
    void measure() throws IOException {
        List<String> report = new ArrayList<>();
        report.add("%-10s %-8s %-28s %10s %14s %16s".formatted(COMPARED.heading(), "round", "start", "ready (s)",
                "CPU (core-s)", "resident (MiB)"));
        for (int round = 1; round <= ROUNDS; round++) {
            for (Variant variant : COMPARED.variants()) {
                Map<String, String> environment = Map.of(COMPARED.variable(), variant.value());
                Path dataDir = dataDirs.resolve(variant.value() + "-" + round);
                String label = variant.label();

                long started = System.nanoTime();
                RunningStack first = RunningStack.start(dataDir, environment);
                report.add(line(label, round, "fresh data dir", started, first));
                report.add(residentByPart(first));
                for (int i = 0; i < 3; i++) {
                    submitLungCase("restart-" + UUID.randomUUID() + "@example.org");
                }
                first.killHard();

                started = System.nanoTime();
                try (RunningStack again = RunningStack.start(dataDir, environment)) {
                    report.add(line(label, round, "after kill -9 of the stack", started, again));
                    report.add(residentByPart(again));
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

    /** Each JVM's share of the resident figure, and PostgreSQL's (not in it: its backends share their memory). */
    private static String residentByPart(RunningStack stack) {
        StringBuilder parts = new StringBuilder("    resident (MiB):");
        stack.residentMibByPart().forEach((part, mib) -> parts.append(" %s %.0f;".formatted(part, mib)));
        return parts.toString();
    }

    private static String line(String label, int round, String start, long startedNanos, RunningStack stack) {
        // resident memory of every JVM of the stack once ready, before any case: issue 16's "idle" figure
        return "%-10s %-8d %-28s %10.1f %14.1f %16d".formatted(label, round, start,
                (System.nanoTime() - startedNanos) / 1e9, stack.cpuSeconds(), stack.residentMemoryMib());
    }
}
