package org.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

/**
 * What one whole case costs each part of the stack, in core-seconds, and so how many cases a day one replica of
 * each service carries (deploy/README's sizing table; issue 16's CPU per case per service). Whole cases, every
 * person's step over HTTP as soon as it can be taken ({@link CaseFlowBenchmark#oneCase}), {@code sizing.parallel}
 * at a time. The baseline, measured in the same run on the same stack: each part's CPU while idle for as long as the
 * cases took, subtracted from what it spent during them (a service's idle cost is its polls, metrics and consumers'
 * heartbeats, paid whether or not cases come).
 * On demand: {@code mvn -B -pl e2e -am test -Dtest=SizingBenchmark -Dexcluded.groups= -Dsurefire.failIfNoSpecifiedTests=false};
 * {@code -Dsizing.replicas=2} runs the same on two replicas of each service. Prints, asserts nothing; the
 * table goes to {@code e2e/target/sizing.txt}.
 */
@Tag("benchmark")
class SizingBenchmark {
    private static final int CASES = Integer.getInteger("sizing.cases", 40);
    private static final int PARALLEL = Integer.getInteger("sizing.parallel", 8);
    private static final String REPLICAS = System.getProperty("sizing.replicas", "1");

    /** Kept when the run fails: the services' logs are in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    @Test
    void measure() throws Exception {
        List<String> report = new ArrayList<>();
        // more cases in a week than the demo directory's specialists take (past that, a case is a coordinator's
        // panel gap, which the benchmark's people do not work): the fault suite's roomy directory
        try (RunningStack stack = RunningStack.start(dataDir, Map.of("CONSILIUM_STACK_REPLICAS", REPLICAS,
                "INTAKE_SUBMISSIONS_PER_PERIOD", String.valueOf(CASES + 10),
                "CONSILIUM_MDT_DIRECTORY_SEED", "file:" + FaultSuiteTest.roomyDirectory(dataDir)))) {
            Map<String, List<Long>> warmUp = Collections.synchronizedMap(new LinkedHashMap<>());
            CaseFlowBenchmark.oneCase(warmUp); // every code path once: the JIT's first compilations are not a case's cost
            CaseFlowBenchmark.oneCase(warmUp);

            Map<String, Double> beforeCases = stack.cpuSecondsByPart();
            long start = System.nanoTime();
            Map<String, List<Long>> stages = Collections.synchronizedMap(new LinkedHashMap<>());
            ExecutorService people = Executors.newFixedThreadPool(PARALLEL);
            List<Future<String>> cases = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                cases.add(people.submit(() -> CaseFlowBenchmark.oneCase(stages)));
            }
            List<String> caseIds = new ArrayList<>();
            for (Future<String> done : cases) {
                caseIds.add(done.get());
            }
            people.shutdown();
            Duration busy = Duration.ofNanos(System.nanoTime() - start);
            double busySeconds = busy.toNanos() / 1e9;
            CpuPerCase cpu = CpuPerCase.measured(stack, beforeCases, busy, CASES);

            report.add("SizingBenchmark: %d whole cases, %d at a time, replicas %s: %.1f s (%.2f cases/s, %.0f a day); "
                    .formatted(CASES, PARALLEL, REPLICAS, busySeconds, CASES / busySeconds, CASES / busySeconds * CpuPerCase.SECONDS_A_DAY)
                    + "resident memory %d MiB".formatted(stack.residentMemoryMib()));
            report.addAll(cpu.lines());
            report.add(panelInvitations(caseIds));
            report.addAll(CaseFlowBenchmark.stageLines(stages));
        }
        report.add("machine: %d cores, Java %s".formatted(Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version")));
        report.forEach(System.out::println);
        Files.write(Path.of("target/sizing.txt"), report);
    }

    /** Issue 16: from a panel's first invitation claimed for sending to its last one sent, per case (the deliveries). */
    private static String panelInvitations(List<String> caseIds) {
        List<Long> spreads = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (String caseId : caseIds) {
            List<JsonNode> invitations = StreamSupport.stream(Http.get(RunningStack.url(8084, "/deliveries?caseId=" + caseId))
                    .body().spliterator(), false).filter(d -> "MDT_INVITATION".equals(d.path("purpose").asText())).toList();
            if (invitations.isEmpty()) {
                continue;
            }
            Instant first = invitations.stream().map(d -> Instant.parse(d.path("claimedAt").asText())).min(Instant::compareTo).orElseThrow();
            Instant last = invitations.stream().filter(d -> d.hasNonNull("sentAt"))
                    .map(d -> Instant.parse(d.path("sentAt").asText())).max(Instant::compareTo).orElse(first);
            spreads.add(Duration.between(first, last).toMillis());
            sizes.add(invitations.size());
        }
        List<Long> sorted = spreads.stream().sorted().toList();
        return sorted.isEmpty() ? "panel invitations: none found"
                : "panel invitations (%s a panel), first claimed -> last sent: median %d ms, max %d ms (n=%d)".formatted(
                sizes.stream().distinct().sorted().toList(), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1),
                sorted.size());
    }
}
