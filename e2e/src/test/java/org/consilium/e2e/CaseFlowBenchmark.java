package org.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;
import static org.consilium.e2e.CaseDriver.*;

/**
 * Prints numbers, asserts none: stack start-up, its memory, how long each hand-off of a case
 * takes through Kafka and the engine, and how fast a burst of requests reaches the coordinator.
 * On demand only: {@code mvn -B -pl e2e verify -Dgroups=benchmark -Dexcluded.groups=none};
 * results in {@code e2e/target/benchmark.txt}, recorded in docs/benchmarks.md.
 */
@Tag("benchmark")
class CaseFlowBenchmark {
    private static final int CASES = Integer.getInteger("benchmark.cases", 5);
    private static final int BURST = Integer.getInteger("benchmark.burst", 50);
    /** How long one hand-off may take before the run fails: minutes, more for a loaded run (SizingBenchmark). */
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(Integer.getInteger("benchmark.step-timeout-minutes", 2));

    @TempDir
    Path dataDir;

    @Test
    void measure() throws IOException {
        List<String> report = new ArrayList<>();
        long startNanos = System.nanoTime();
        // one referrer submits every case of the run: intake's limit (20 an hour per caller, a 429 after that)
        // would stop the burst, so this benchmark's own stack allows what the run submits (issue 12)
        int submissions = CASES + BURST;
        try (RunningStack stack = RunningStack.start(dataDir,
                Map.of("INTAKE_SUBMISSIONS_PER_PERIOD", String.valueOf(submissions)))) {
            report.add("stack ready after %.1f s; resident memory of all JVMs %d MiB"
                    .formatted((System.nanoTime() - startNanos) / 1e9, stack.residentMemoryMib()));

            Map<String, List<Long>> stages = Collections.synchronizedMap(new LinkedHashMap<>());
            for (int i = 0; i < CASES; i++) {
                oneCase(stages);
            }
            report.addAll(stageLines(stages));
            report.add("resident memory after %d cases: %d MiB".formatted(CASES, stack.residentMemoryMib()));

            long burstStart = System.nanoTime();
            List<String> burst = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                burst.add(submitLungCase("burst-" + UUID.randomUUID() + "@example.org"));
            }
            double submitted = (System.nanoTime() - burstStart) / 1e9;
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250))
                    .until(() -> reviewTasks(burst) == burst.size());
            double reached = (System.nanoTime() - burstStart) / 1e9;
            report.add("burst: %d requests accepted over HTTP in %.1f s; all %d Review intake tasks open after %.1f s (%.1f cases/s)"
                    .formatted(BURST, submitted, BURST, reached, BURST / reached));
            report.add("resident memory after the burst: %d MiB".formatted(stack.residentMemoryMib()));
        }
        report.add("machine: %d cores, Java %s".formatted(Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version")));
        report.forEach(System.out::println);
        Files.write(Path.of("target/benchmark.txt"), report);
    }

    /** Each hand-off's median and slowest time, a line each, in the order the hand-offs were first timed. */
    static List<String> stageLines(Map<String, List<Long>> stages) {
        List<String> lines = new ArrayList<>();
        stages.forEach((stage, millis) -> {
            List<Long> sorted = millis.stream().sorted().toList();
            lines.add("%-44s median %6d ms  max %6d ms  (n=%d)".formatted(stage, sorted.get(sorted.size() / 2),
                    sorted.get(sorted.size() - 1), sorted.size()));
        });
        return lines;
    }

    /** One case through every hand-off, each person's step as soon as it can be taken; safe from several threads. */
    static String oneCase(Map<String, List<Long>> stages) {
        String email = "bench-" + UUID.randomUUID() + "@example.org";
        long t = System.nanoTime();
        String caseId = submitLungCase(email);
        t = lap(stages, "intake -> Review intake task", t, () -> hasTask(caseId, "Review intake"));
        completeTask(caseId, "Review intake", Map.of("accepted", true));
        t = lap(stages, "accepted -> checklist built", t, () -> Http.get(
                RunningStack.url(8082, "/cases/" + caseId + "/records")).status() == 200);
        requiredItems(awaitChecklist(caseId)).forEach(item -> upload(caseId, item));
        t = lap(stages, "uploads (incl.) -> Verify dossier task", t, () -> hasTask(caseId, "Verify dossier"));
        completeTask(caseId, "Verify dossier", Map.of("dossierVerified", true));
        t = lap(stages, "verified -> panel and session", t, () -> Http.get(
                RunningStack.url(8083, "/reviews/" + caseId)).status() == 200);
        panelConcludes(caseId);
        t = lap(stages, "opinions+consensus (incl.) -> report in QA", t, () -> Http.get(
                RunningStack.url(8083, "/reviews/" + caseId + "/report")).status() == 200);
        releaseReport(caseId);
        lap(stages, "approve+release (incl.) -> report mailed, process ended", t,
                () -> mailsWithSubject(email, REPORT_SUBJECT) == 1 && "COMPLETED".equals(processState(caseId)));
        return caseId;
    }

    private static long lap(Map<String, List<Long>> stages, String stage, long since,
                            java.util.concurrent.Callable<Boolean> reached) {
        await().atMost(STEP_TIMEOUT).pollInterval(Duration.ofMillis(20)).until(reached);
        long now = System.nanoTime();
        stages.computeIfAbsent(stage, k -> Collections.synchronizedList(new ArrayList<>())).add((now - since) / 1_000_000);
        return now;
    }

    private static boolean hasTask(String caseId, String name) {
        JsonNode tasks = Http.get(RunningStack.url(8080, "/engine-rest/task?processInstanceBusinessKey=" + caseId)).body();
        return StreamSupport.stream(tasks.spliterator(), false).anyMatch(t -> name.equals(t.path("name").asText()));
    }

    private static long reviewTasks(List<String> caseIds) {
        JsonNode count = Http.get(RunningStack.url(8080, "/engine-rest/task/count?name=Review%20intake")).body();
        return Math.min(count.path("count").asLong(), caseIds.size());
    }
}
