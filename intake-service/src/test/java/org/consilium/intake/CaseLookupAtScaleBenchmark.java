package org.consilium.intake;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.consilium.intake.progress.CaseStageMetrics;
import org.consilium.store.embedded.DurableH2Backend;
import org.consilium.support.outbox.OutboxRelay;
import org.consilium.support.testing.EmbeddedInfrastructure;
import org.consilium.support.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One case read by id as the number of stored cases grows to 100,000 (issue 16): {@code GET /cases/{caseId}}, what the
 * console's case page and its worklist (per row, {@code IntakeCases.header}) call with the coordinator's token. Through
 * the service's real HTTP API on its port (token checked, the case gate, the read on the audit trail, the people
 * unsealed, JSON), on the stack's own store ({@code DurableH2Backend}: mongo-java-server on an H2 file, committed per
 * change, with the services' secondary indexes kept by the embedded store). The cases: one submitted through
 * {@code POST /cases} and relayed (its outbox empty), then stored again under new ids in bulk (insertMany of 1,000), in
 * the service's own document shape, sealed people included; the copies are as the relay leaves a case, so it has
 * nothing to send. mongo-java-server serves one collection one request at a time, so a read by id waits behind
 * whatever else reads the collection: two product jobs do so on schedule, the outbox relay's poll (every second) and
 * the stage gauges (every 15 s). Each size is read three times: with the store quiet; beside those two jobs as they
 * are now (run here at their product intervals, the beans' own methods); and, the baseline of the same run, beside
 * the store work the two jobs did before (the poll's {@code outbox.0} query and the gauges' {@code $group}, both a
 * scan of every case). With the time of one of each. At the end the store's file is opened again, as the stack does
 * at its start, with the indexes (built from the file) and without. Prints p50/p99/max of 1,000 reads of random
 * cases per column at 1,000, 10,000 and 100,000 cases (target/case-lookup-at-scale.txt). On demand:
 * {@code mvn -B -o -pl intake-service -am test -Dtest=CaseLookupAtScaleBenchmark -Dexcluded.groups=none
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // the two jobs are run by the benchmark itself, at these same intervals, beside the reads of the second and
        // third columns: on schedule they would also run through the fill
        "consilium.outbox.poll-interval=1h", "consilium.metrics.refresh=1h"})
@AutoConfigureWebTestClient(timeout = "60s")
class CaseLookupAtScaleBenchmark {
    /** -Dbenchmark.sizes=1000,3000 for a short run. */
    private static final int[] SIZES = Arrays.stream(System.getProperty("benchmark.sizes", "1000,10000,100000")
            .split(",")).mapToInt(Integer::parseInt).toArray();
    private static final int LOOKUPS = 1_000;
    private static final int WARM_UP = 500;
    private static final int BATCH = 1_000;
    /** Beside full scans a read can wait seconds: a column stops after this long. */
    private static final Duration BESIDE_JOBS_FOR = Duration.ofSeconds(90);
    private static final String STAFF = TestTokens.bearer("cora.coordinator", "cora@consilium.example", "coordinator");

    private static MongoServer store;
    private static Path file;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.register(registry, "unused");
        TestTokens.register(registry);
        registry.add("spring.data.mongodb.uri", CaseLookupAtScaleBenchmark::storeUri);
    }

    private static synchronized String storeUri() {
        if (store == null) {
            try {
                file = Files.createTempDirectory("case-lookup-at-scale").resolve("store.mv");
                store = new MongoServer(DurableH2Backend.open(file));
                store.bind("127.0.0.1", 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "mongodb://127.0.0.1:" + store.getLocalAddress().getPort() + "/intake-at-scale";
    }

    @AfterAll
    static void closeStore() {
        if (store != null) {
            store.shutdownNow();
        }
    }

    @Autowired
    private WebTestClient client;
    @Autowired
    private ReactiveMongoTemplate mongo;
    @Autowired
    private OutboxRelay relay;
    @Autowired
    private CaseStageMetrics stageMetrics;

    private final List<String> caseIds = new ArrayList<>();
    private final Random random = new Random(16);
    private int failedReads;

    @Test
    void aCaseReadByIdAsTheCasesGrow() throws Exception {
        WebTestClient http = client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, STAFF).build();
        String seed = http.post().uri("/cases").contentType(MediaType.APPLICATION_JSON).bodyValue(Intakes.LUNG_URGENT)
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("caseId").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> relayed(seed) != null);
        org.bson.Document shape = relayed(seed);
        caseIds.add(seed);

        List<String> lines = new ArrayList<>();
        lines.add("intake-service on the stack's store (mongo-java-server on an H2 file, committed per change, secondary"
                + " indexes), " + LOOKUPS + " reads of random cases per size and column over HTTP");
        lines.add("cases stored | fill | GET /cases/{id}, store quiet: p50 / p99 / max"
                + " | beside the outbox poll (1 s) and stage gauges (15 s), now: p50 / p99 / max"
                + " | beside the two jobs' scans as before: p50 / p99 / max"
                + " | one poll now / before | one gauge refresh now / before");
        for (int size : SIZES) {
            long fillStart = System.nanoTime();
            fill(shape, size - caseIds.size());
            long fillSeconds = (System.nanoTime() - fillStart) / 1_000_000_000L;
            assertThat(count()).isEqualTo(size);
            for (int i = 0; i < WARM_UP; i++) {
                read(http, randomCase());
            }
            failedReads = 0;
            String quiet = percentiles(reads(http, Duration.ofMinutes(2))) + failures();
            String now = besideJobs(http, relay::relayPending, this::refreshStageGauges);
            String before = besideJobs(http, this::pollAsBefore, this::stageGaugesAsBefore);
            String polls = "%,d / %,d ms".formatted(millis(relay::relayPending), millis(this::pollAsBefore));
            String gauges = "%,d / %,d ms".formatted(millis(this::refreshStageGauges), millis(this::stageGaugesAsBefore));
            lines.add("%,d | %,d s | %s | %s | %s | %s | %s".formatted(size, fillSeconds, quiet, now, before, polls,
                    gauges));
            System.out.println(lines.get(lines.size() - 1));
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "case-lookup-at-scale.txt"), lines); // so far
        }
        store.shutdown(); // the context's clients are left without a store: the test ends here
        store = null;
        // mongo-java-server's own open first: both then read a file the page cache holds
        String alone = opened(() -> new H2Backend(file.toString()));
        String indexed = opened(() -> DurableH2Backend.open(file));
        lines.add("the store's file opened again (%,d MiB), as at the stack's start: with the indexes built %s;"
                .formatted(Files.size(file) >> 20, indexed) + " mongo-java-server alone %s".formatted(alone));
        lines.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "case-lookup-at-scale.txt"), lines);
    }

    /** How long the store took to open, and the heap it holds open (after a GC, beside the heap before it). */
    private static String opened(Supplier<H2Backend> open) {
        long heapBefore = heapAfterGc();
        long start = System.nanoTime();
        H2Backend backend = open.get();
        long millis = (System.nanoTime() - start) / 1_000_000L;
        try {
            return "%,d ms, %,d MiB of heap held".formatted(millis, (heapAfterGc() - heapBefore) >> 20);
        } finally {
            backend.close();
        }
    }

    private static long heapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Reads of random cases while {@code poll} runs each second and {@code gauges} each 15 s, as on schedule. */
    private String besideJobs(WebTestClient http, Runnable poll, Runnable gauges) throws InterruptedException {
        ScheduledExecutorService jobs = Executors.newScheduledThreadPool(2);
        try {
            jobs.scheduleWithFixedDelay(poll, 0, 1, TimeUnit.SECONDS);
            jobs.scheduleWithFixedDelay(gauges, 0, 15, TimeUnit.SECONDS);
            failedReads = 0;
            return percentiles(reads(http, BESIDE_JOBS_FOR)) + failures();
        } finally {
            jobs.shutdown();
            assertThat(jobs.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        }
    }

    /** The store work of the relay's poll before issue 16's index: {@code outbox.0} exists, a scan of every case. */
    private void pollAsBefore() {
        mongo.find(new Query(Criteria.where("outbox.0").exists(true)), org.bson.Document.class, "cases").collectList()
                .block(Duration.ofSeconds(60));
    }

    /** The stage gauges' store work before: a {@code $group} by stage over every case, given up after 10 s. */
    private void stageGaugesAsBefore() {
        try {
            mongo.aggregate(Aggregation.newAggregation(Aggregation.group("stage").count().as("n")), "cases",
                    org.bson.Document.class).collectList().block(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            System.out.println("stage gauges as before: " + e);
        }
    }

    /** {@link #LOOKUPS} reads, or as many as {@code atMost} allows (the table says how many). */
    private long[] reads(WebTestClient http, Duration atMost) {
        long[] reads = new long[LOOKUPS];
        long until = System.nanoTime() + atMost.toNanos();
        for (int i = 0; i < LOOKUPS; i++) {
            if (System.nanoTime() > until) {
                return Arrays.copyOf(reads, i);
            }
            String caseId = randomCase();
            long start = System.nanoTime();
            JsonNode found = read(http, caseId);
            reads[i] = System.nanoTime() - start;
            assertThat(found == null || found.get("caseId").asText().equals(caseId)).isTrue();
        }
        return reads;
    }

    /** CaseStageMetrics.refresh, which gives up after 10 s (and then the gauges keep their last counts). */
    private void refreshStageGauges() {
        try {
            stageMetrics.refresh();
        } catch (RuntimeException e) {
            System.out.println("stage gauges: " + e);
        }
    }

    private String failures() {
        return failedReads == 0 ? "" : ", " + failedReads + " not 200";
    }

    private static long millis(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000L;
    }

    /** The case, or null when the service did not answer 200 (counted: {@link #failedReads}). */
    private JsonNode read(WebTestClient http, String caseId) {
        var result = http.get().uri("/cases/{id}", caseId).exchange().expectBody(JsonNode.class).returnResult();
        if (!result.getStatus().is2xxSuccessful()) {
            failedReads++;
            System.out.println("GET /cases/" + caseId + ": " + result.getStatus() + " " + result.getResponseBody());
            return null;
        }
        return result.getResponseBody();
    }

    /**
     * The H2 backend once answered a count right after a bulk fill with "Chunk ... not found" (MVStore, a page of a
     * version it had already dropped); asked again, it counts.
     */
    private long count() {
        for (int attempt = 1; ; attempt++) {
            try {
                return mongo.count(new Query(), "cases").block();
            } catch (RuntimeException e) {
                System.out.println("count, attempt " + attempt + ": " + e);
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** The stored case once the relay has sent its events, or null while its outbox still holds some. */
    private org.bson.Document relayed(String caseId) {
        org.bson.Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(caseId)), org.bson.Document.class,
                "cases").block();
        return stored != null && stored.getList("outbox", Object.class, List.of()).isEmpty() ? stored : null;
    }

    private void fill(org.bson.Document shape, int count) {
        for (int done = 0; done < count; done += BATCH) {
            List<org.bson.Document> batch = new ArrayList<>();
            for (int i = 0; i < Math.min(BATCH, count - done); i++) {
                org.bson.Document copy = new org.bson.Document(shape);
                String caseId = UUID.randomUUID().toString();
                copy.put("_id", caseId);
                copy.remove("idempotencyKey");
                batch.add(copy);
                caseIds.add(caseId);
            }
            mongo.insert(batch, "cases").then().block();
        }
    }

    private String randomCase() {
        return caseIds.get(random.nextInt(caseIds.size()));
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return "%.1f / %.1f / %.1f ms%s".formatted(sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6, sorted[sorted.length - 1] / 1e6,
                sorted.length < LOOKUPS ? " (" + sorted.length + " reads)" : "");
    }
}
