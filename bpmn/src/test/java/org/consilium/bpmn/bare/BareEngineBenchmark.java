package org.consilium.bpmn.bare;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: "the whole case (people's steps automated) ≥ 0.5× the bare engine running the same BPMN with no-op
 * delegates in one JVM, measured beside it". This is the bare engine's side: {@link BareEngine} (the models as
 * deployed, every Kafka adapter a no-op) driven through {@link BareCase} (the process tests' happy path), whole cases
 * one after another and then on a few threads at once, each phase timed by the wall clock, the process's CPU time
 * (JIT and GC included) and the driving threads' own. The stack's side is SizingBenchmark's, quoted as the
 * reference. On demand:
 * {@code mvn -B -o -pl bpmn -am test -Dtest=BareEngineBenchmark -Dexcluded.groups=none -Dsurefire.failIfNoSpecifiedTests=false};
 * {@code -Dbare.warmup}, {@code -Dbare.cases}, {@code -Dbare.threads}, {@code -Dbare.followUp=false} (Start follow-up a
 * no-op too). The table also goes to {@code bpmn/target/bare-engine-benchmark.txt}.
 */
@Tag("benchmark")
class BareEngineBenchmark {
    private static final int WARM_UP = Integer.getInteger("bare.warmup", 50);
    private static final int CASES = Integer.getInteger("bare.cases", 500);
    private static final int THREADS = Integer.getInteger("bare.threads", 2);
    private static final boolean FOLLOW_UP = Boolean.parseBoolean(System.getProperty("bare.followUp", "true"));
    /** docs/benchmarks.md, "Issue 17: sizing" (SizingBenchmark, 2026-12-07, one replica of each, same machine). */
    static final String REFERENCE = "\"On one 2-core box the whole stack runs 0.33 whole cases/s (28,000 a day) with one "
            + "replica of each\"; per whole case bpmn 0.506 cs + engine database (PostgreSQL) 0.152 cs "
            + "(docs/benchmarks.md, Issue 17: sizing; 40 cases, 8 at a time)";
    static final double STACK_CASES_PER_SECOND = 0.33;
    static final double STACK_ENGINE_CORE_SECONDS = 0.506 + 0.152;

    @Test
    void wholeCasesOnTheBareEngine() throws Exception {
        // no Spring Boot here to set the log level: logback's default would log every statement at DEBUG
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        ProcessEngine engine = BareEngine.start(FOLLOW_UP);
        try {
            BareCase bareCase = new BareCase(engine);
            phase("warm-up", bareCase, 1, WARM_UP);
            List<Phase> phases = List.of(phase("one after another", bareCase, 1, CASES),
                    phase(THREADS + " threads at once", bareCase, THREADS, CASES));
            long total = WARM_UP + 2L * CASES;
            assertThat(bareCase.started()).as("cases started").isEqualTo(total);
            assertThat(bareCase.delivered()).as("cases that reached Report delivered").isEqualTo(total);
            report(phases, engine);
        } finally {
            engine.close();
        }
    }

    /** Runs {@code cases} whole cases on {@code threads} threads, each taking the next case until none is left. */
    private static Phase phase(String name, BareCase bareCase, int threads, int cases) throws Exception {
        ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
        long[] latencies = new long[cases];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long cpuBefore = processCpuNanos();
            long start = System.nanoTime();
            List<Future<Long>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    long threadCpu = threadBean.getCurrentThreadCpuTime();
                    for (int n = next.getAndIncrement(); n < cases; n = next.getAndIncrement()) {
                        long caseStart = System.nanoTime();
                        bareCase.run("bare-" + UUID.randomUUID());
                        latencies[n] = System.nanoTime() - caseStart;
                    }
                    return threadBean.getCurrentThreadCpuTime() - threadCpu;
                }));
            }
            long threadCpu = 0;
            for (Future<Long> worker : workers) {
                threadCpu += worker.get();
            }
            return new Phase(name, threads, cases, System.nanoTime() - start, processCpuNanos() - cpuBefore,
                    threadCpu, latencies);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void report(List<Phase> phases, ProcessEngine engine) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("BareEngineBenchmark, %s: Camunda %s stand-alone, in-memory H2, history full, no job "
                        + "executor; warm-up %d cases, then %d whole cases per phase; Start follow-up %s", Instant.now(),
                engine.getClass().getPackage().getImplementationVersion(), WARM_UP, CASES,
                FOLLOW_UP ? "starts the follow-up process" : "a no-op"));
        lines.add("a whole case: CaseSubmitted, Review intake, 2 jobs, RecordsCompleted, Verify dossier, 1 job, "
                + "MdtScheduled, 1 job, MdtConcluded, ReportReleased, 1 job, ReportDelivered, Start follow-up");
        lines.add(String.format("%-22s %7s %8s %9s %13s %13s %8s %8s %8s", "phase", "cases", "wall s", "cases/s",
                "process cs/c", "threads cs/c", "p50 ms", "p99 ms", "max ms"));
        for (Phase phase : phases) {
            lines.add(phase.line());
        }
        Phase best = phases.stream().max((a, b) -> Double.compare(a.casesPerSecond(), b.casesPerSecond())).orElseThrow();
        lines.add("reference (the stack's whole case, same machine): " + REFERENCE);
        lines.add(String.format("stack / bare: %.4f× the bare engine's cases/s (%s; issue 16 asks ≥ 0.5×); the "
                        + "engine and its database spend %.0f× the bare engine's core-seconds per case",
                STACK_CASES_PER_SECOND / best.casesPerSecond(), best.name(),
                STACK_ENGINE_CORE_SECONDS / best.processCoreSecondsPerCase()));
        lines.add(String.format("machine: %d cores, Java %s, load average at the end %.2f",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        String out = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        System.out.print(System.lineSeparator() + out);
        Files.writeString(Path.of("target", "bare-engine-benchmark.txt"), out);
    }

    /** One timed phase: wall clock, process CPU and the driving threads' CPU, in nanoseconds; each case's latency. */
    record Phase(String name, int threads, int cases, long wallNanos, long processCpuNanos, long threadCpuNanos,
                 long[] latencies) {
        double casesPerSecond() {
            return cases / (wallNanos / 1e9);
        }

        double processCoreSecondsPerCase() {
            return processCpuNanos / 1e9 / cases;
        }

        String line() {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return String.format("%-22s %7d %8.1f %9.1f %13.4f %13.4f %8.1f %8.1f %8.1f", name, cases, wallNanos / 1e9,
                    casesPerSecond(), processCoreSecondsPerCase(), threadCpuNanos / 1e9 / cases,
                    percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
        }

        private static double percentile(long[] sorted, int p) {
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }
    }
}
