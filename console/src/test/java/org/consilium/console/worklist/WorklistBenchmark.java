package org.consilium.console.worklist;

import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.consilium.console.caseview.CaseEvents;
import org.consilium.console.caseview.CaseView;
import org.consilium.console.caseview.CaseViewStore;
import org.consilium.console.caseview.PatientNames;
import org.consilium.console.caseview.TestCaseViews;
import org.consilium.console.cases.CaseHeader;
import org.consilium.console.cases.IntakeCases;
import org.consilium.events.Envelope;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The worklist at 100,000 open cases (issue 13): how long a page of the list takes to answer, by filter, printed with
 * p50 / p99 / max, beside a baseline measured in the same run — the same first page asked of the store itself, as an
 * unindexed query (the embedded MongoDB ignores secondary indexes, so it scans and sorts every case per request).
 * Also: filling the list's memory from the store at start, and the heap the list's memory takes.
 * A program that prints numbers (docs/benchmarks.md), not a test of them; not run by the default test command.
 * <pre>mvn -B -o -pl console -am test -Dtest=WorklistBenchmark -Dexcluded.groups=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -DargLine="-Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1"</pre>
 * (the JVM flags the stack starts the console with; a heap that also holds the 100,000 cases built for the run and
 * the embedded store of the baseline — the list's own memory is printed).
 */
@Tag("benchmark")
class WorklistBenchmark {
    private static final int CASES = Integer.getInteger("benchmark.cases", 100_000);
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private static final String[] TUMOURS = {"lung", "breast", "colorectal", "gastric", "oesophageal", "liver",
            "pancreatic", "prostate", "lymphoma", "head-and-neck"};
    private static final String[] URGENCIES = {"ROUTINE", "ROUTINE", "EXPEDITED", "URGENT"};
    private static final PatientNames NAMES = new PatientNames("the benchmark's key for the hashes of names, 32+ chars");
    private static final String[] TASKS = {"Review intake", "Chase missing records", "Verify dossier", "Release the report"};

    @Test
    void theWorklistAt100000OpenCases() {
        Random random = new Random(13);
        List<CaseView> cases = new ArrayList<>(CASES);
        for (int i = 0; i < CASES; i++) {
            String id = String.format("case-%06d", i);
            String urgency = URGENCIES[random.nextInt(URGENCIES.length)];
            Instant clock = NOW.plus(Duration.ofMinutes(random.nextInt(14 * 24 * 60) - 2 * 24 * 60));
            List<Envelope> events = new ArrayList<>();
            events.add(CaseEvents.opened(id, "t-" + i, TASKS[random.nextInt(TASKS.length)], urgency, NOW.minusSeconds(i), clock));
            if (random.nextInt(10) == 0) {
                events.add(CaseEvents.assigned(id, "t-" + i, random.nextBoolean() ? "cora.nolan" : "ana.okafor", NOW));
            }
            // 400 family names × 50 given names: a search by both finds ~5 cases, by the family name ~250
            cases.add(TestCaseViews.named(TestCaseViews.of(id, TUMOURS[random.nextInt(TUMOURS.length)], urgency,
                    random.nextBoolean(), events.toArray(Envelope[]::new)), NAMES,
                    "Given" + random.nextInt(50) + " Family" + random.nextInt(400)));
        }

        System.gc();
        long heapBefore = usedHeap();
        OpenWork openWork = new OpenWork(mock(CaseViewStore.class));
        long fill = System.nanoTime();
        cases.forEach(openWork::changed);
        double fillMs = (System.nanoTime() - fill) / 1e6;
        System.gc();
        long heapAfter = usedHeap();

        CaseHeader header = new CaseHeader("case", "Budi Santoso", "SUBMITTED", null, "lung", "Surgery first?", null, NOW,
                List.of(), Map.of(), List.of(), null, null, null, List.of());
        // a plain stand-in, not a mock: a mock keeps every call for verification, and a million of them is a heap
        IntakeCases intake = new IntakeCases(null, null) {
            @Override
            public Mono<CaseHeader> header(String caseId) {
                return Mono.just(header);
            }
        };
        Worklist worklist = new Worklist(openWork, intake, Clock.fixed(NOW, ZoneOffset.UTC), NAMES);

        Map<String, Map<String, String>> queries = new LinkedHashMap<>();
        queries.put("first page, least time left first (the default)", Map.of());
        queries.put("page 2,000 of 4,000", Map.of("page", "2000"));
        queries.put("tumour lung + urgent", Map.of("tumour", "lung", "urgency", "URGENT"));
        queries.put("mine (cora.nolan)", Map.of("mine", "true"));
        queries.put("breached", Map.of("breached", "true"));
        queries.put("stage collecting records + unassigned", Map.of("stage", "COLLECTING_RECORDS", "assignee", "nobody"));
        queries.put("search by case id (case-0999)", Map.of("q", "case-0999"));
        queries.put("search by case id, one case (04217)", Map.of("q", "04217"));
        queries.put("search by name (given7 family123)", Map.of("q", "given7 family123"));
        queries.put("search by family name + urgent", Map.of("q", "Family123", "urgency", "URGENT"));
        queries.put("newest first (a full sort)", Map.of("sort", "newest"));

        StringBuilder out = new StringBuilder();
        out.append(String.format("%nWorklist benchmark: %,d open cases (one open task each), %s, %d processors, max heap %d MiB%n",
                CASES, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));
        out.append(String.format("list memory filled in %.0f ms; it holds ~%d MiB of heap%n", fillMs, (heapAfter - heapBefore) >> 20));
        out.append(String.format("%-52s %10s %10s %10s %8s%n", "query (25 rows, the page's intake reads stubbed)", "p50 ms", "p99 ms", "max ms", "matches"));
        for (Map.Entry<String, Map<String, String>> query : queries.entrySet()) {
            LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
            query.getValue().forEach(params::add);
            WorklistQuery parsed = WorklistQuery.of(params);
            int[] matches = new int[1];
            double[] times = time(50, 300, () -> {
                Worklist.Shown shown = worklist.show(parsed, "cora.nolan").block();
                matches[0] = shown.page().total();
                return shown;
            });
            out.append(row(query.getKey(), times, matches[0]));
        }

        // the baseline: the same first page asked of the store as an unindexed query (what a list served straight
        // from the embedded MongoDB would cost per request)
        MongoServer server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "consilium-console-benchmark");
            long store = System.nanoTime();
            Flux.fromIterable(cases).buffer(1000).concatMap(batch -> mongo.insertAll(batch)).blockLast();
            double storeMs = (System.nanoTime() - store) / 1e6;
            var collection = client.getDatabase("consilium-console-benchmark").getCollection("cases");
            Supplier<List<Document>> firstPage = () -> Flux.from(collection.find(new Document("openTasks.0", new Document("$exists", true)))
                    .sort(new Document("openTasks.caseClock", 1)).limit(25)).collectList().block();
            Supplier<List<Document>> lungUrgent = () -> Flux.from(collection.find(new Document("cancerType", "lung")
                            .append("urgency", "URGENT")).sort(new Document("openTasks.caseClock", 1)).limit(25))
                    .collectList().block();
            out.append(String.format("baseline: the same in the embedded store (%,d cases stored in %.0f ms), unindexed:%n",
                    CASES, storeMs));
            out.append(row("first page, by the case clock", time(1, 5, firstPage::get), 25));
            out.append(row("tumour lung + urgent", time(1, 10, lungUrgent::get), 25));

            OpenWork reloaded = new OpenWork(new CaseViewStore(mongo));
            long load = System.nanoTime();
            new CaseViewStore(mongo).withOpenTasks().doOnNext(reloaded::changed).blockLast();
            out.append(String.format("start-up: the list's memory filled from the store in %.0f ms (%,d tasks)%n",
                    (System.nanoTime() - load) / 1e6, reloaded.size()));
        } finally {
            server.shutdownNow();
        }
        System.out.print(out);
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "worklist-benchmark.txt"), out.toString());
        } catch (java.io.IOException unwritable) {
            // printed above
        }
    }

    private static String row(String name, double[] times, int matches) {
        return String.format("%-52s %10.2f %10.2f %10.2f %,8d%n", name, percentile(times, 50), percentile(times, 99),
                times[times.length - 1], matches);
    }

    private static double[] time(int warmups, int runs, Supplier<?> call) {
        for (int i = 0; i < warmups; i++) {
            call.get();
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.get();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times;
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
