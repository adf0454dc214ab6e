package org.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.consilium.e2e.CaseDriver.submitLungCase;

/**
 * Prints numbers, asserts none (issue 16): how long an event waits between hops, with the platform's push (an
 * aggregate's events relayed right after its save, the engine's inbox and task outbox woken by what they store) beside
 * the poll-only platform it replaced (outbox 200 ms, inbox 300 ms, task outbox 250 ms) and beside a raw Kafka
 * producer → consumer round trip on the same broker, all in one run. Times are the broker records' own (producer
 * create time) and the event's {@code ce_time} (taken when the aggregate is changed, just before its save), so no
 * HTTP polling blurs them. On demand: {@code mvn -B -pl e2e -am verify -Dgroups=benchmark -Dexcluded.groups=none
 * -Dtest=PushLatencyBenchmark}; {@code -Dbenchmark.cases} (100) paced at {@code -Dbenchmark.rate} (20) a second;
 * {@code -Dbenchmark.modes} (poll,push-1,push) picks the platforms run, each on a fresh stack. Each mode also prints
 * the CPU each part spent per case on this path, its idle CPU over as long measured after on the same stack.
 */
@Tag("benchmark")
class PushLatencyBenchmark {
    private static final int CASES = Integer.getInteger("benchmark.cases", 100);
    private static final int RATE = Integer.getInteger("benchmark.rate", 20);
    /** poll: the poll-only platform; push-1: push with one correlator thread (before CaseLanes); push: as shipped. */
    private static final List<String> MODES = List.of(System.getProperty("benchmark.modes", "poll,push-1,push").split(","));
    private static final String SUBMITTED = "org.consilium.case.CaseSubmitted.v1";
    private static final String TASK_OPENED = "org.consilium.task.TaskOpened.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void measure() throws Exception {
        List<String> report = new ArrayList<>();
        Map<String, String> pollOnly = Map.of("CONSILIUM_OUTBOX_PUSH", "false", "CONSILIUM_OUTBOX_POLL_INTERVAL", "200ms",
                "CONSILIUM_TASK_EVENTS_RELAY_INTERVAL", "250ms", "CONSILIUM_INBOX_THREADS", "1");
        if (MODES.contains("poll")) {
            report.addAll(run("poll only (outbox 200 ms, inbox 300 ms, task outbox 250 ms; one correlator thread)",
                    pollOnly, dataDir.resolve("poll")));
        }
        if (MODES.contains("push-1")) {
            report.addAll(run("push, one correlator thread (poll 1 s / 300 ms / 1 s as the safety net)",
                    Map.of("CONSILIUM_INBOX_THREADS", "1"), dataDir.resolve("push-1")));
        }
        if (MODES.contains("push")) {
            report.addAll(run("push, cases side by side in the correlator (4 lanes, as shipped)", Map.of(),
                    dataDir.resolve("push")));
        }
        report.add("machine: %d cores, Java %s; %d cases paced at %d/s per mode, after 10 warm-up cases"
                .formatted(Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), CASES, RATE));
        report.forEach(System.out::println);
        Files.write(Path.of("target/push-latency.txt"), report);
    }

    private List<String> run(String mode, Map<String, String> environment, Path data) throws Exception {
        Map<String, String> env = new HashMap<>(environment);
        env.put("INTAKE_SUBMISSIONS_PER_PERIOD", String.valueOf(CASES + 20));
        List<String> lines = new ArrayList<>();
        try (RunningStack stack = RunningStack.start(data, env)) {
            paced(10);
            Thread.sleep(3_000);
            Map<String, Double> before = stack.cpuSecondsByPart();
            long start = System.nanoTime();
            List<String> caseIds = paced(CASES);
            Map<String, Hops> hops = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> hops(Set.copyOf(caseIds)), found -> found.size() == caseIds.size()
                            && found.values().stream().allMatch(Hops::complete));
            CpuPerCase cpu = CpuPerCase.measured(stack, before, Duration.ofNanos(System.nanoTime() - start), CASES);
            List<Long> rawRoundTrips = rawRoundTrips(200);
            lines.add("## " + mode);
            lines.add(line("raw producer -> consumer round trip (baseline)", rawRoundTrips));
            lines.add(line("intake: saved -> CaseSubmitted on Kafka (outbox)",
                    hops.values().stream().map(Hops::outbox).toList()));
            lines.add(line("engine: CaseSubmitted -> TaskOpened on Kafka (inbox, process, task outbox)",
                    hops.values().stream().map(Hops::engine).toList()));
            lines.add(line("saved -> Review intake task announced", hops.values().stream().map(Hops::whole).toList()));
            long first = hops.values().stream().mapToLong(Hops::saved).min().orElseThrow();
            long last = hops.values().stream().mapToLong(Hops::taskOpened).max().orElseThrow();
            lines.add("throughput: %d cases paced at %d/s, first saved -> last task announced %,d ms: %.1f cases/s"
                    .formatted(CASES, RATE, last - first, CASES * 1000.0 / Math.max(1, last - first)));
            lines.add("CPU on the intake path (HTTP, store, outbox, Kafka, engine, triage, task), per case, idle subtracted:");
            lines.addAll(cpu.lines());
            lines.add("resident memory of all JVMs after the run: %d MiB".formatted(stack.residentMemoryMib()));
        }
        return lines;
    }

    /**
     * Submits {@code count} cases, {@code RATE} a second, their ids. A submission takes tens of milliseconds, so a
     * caller per 5 a second keeps the pace (four callers held 100/s to what they could send).
     */
    private static List<String> paced(int count) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(Math.max(4, RATE / 5));
        try {
            List<Future<String>> submitted = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + i * 1_000_000_000L / RATE;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                submitted.add(callers.submit(() -> submitLungCase("push-" + UUID.randomUUID() + "@example.org")));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : submitted) {
                ids.add(f.get(2, TimeUnit.MINUTES));
            }
            return ids;
        } finally {
            callers.shutdownNow();
        }
    }

    /** One case's times in epoch millis: saved (ce_time), submitted on Kafka, Review intake announced on Kafka. */
    record Hops(long saved, long submitted, long taskOpened) {
        boolean complete() {
            return saved > 0 && submitted > 0 && taskOpened > 0;
        }

        long outbox() {
            return submitted - saved;
        }

        long engine() {
            return taskOpened - submitted;
        }

        long whole() {
            return taskOpened - saved;
        }
    }

    private static Map<String, Hops> hops(Set<String> caseIds) throws IOException {
        Map<String, long[]> times = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : CaseDriver.records("consilium.case.events")) {
            if (caseIds.contains(r.key()) && SUBMITTED.equals(CaseDriver.header(r, "ce_type"))) {
                long[] t = times.computeIfAbsent(r.key(), k -> new long[3]);
                t[0] = OffsetDateTime.parse(CaseDriver.header(r, "ce_time")).toInstant().toEpochMilli();
                t[1] = t[1] == 0 ? r.timestamp() : Math.min(t[1], r.timestamp());
            }
        }
        for (ConsumerRecord<String, byte[]> r : CaseDriver.records("consilium.task.events")) {
            if (caseIds.contains(r.key()) && TASK_OPENED.equals(CaseDriver.header(r, "ce_type"))) {
                JsonNode task = JSON.readTree(r.value());
                long[] t = times.computeIfAbsent(r.key(), k -> new long[3]);
                if ("Review intake".equals(task.path("name").asText()) && (t[2] == 0 || r.timestamp() < t[2])) {
                    t[2] = r.timestamp();
                }
            }
        }
        Map<String, Hops> hops = new HashMap<>();
        times.forEach((caseId, t) -> hops.put(caseId, new Hops(t[0], t[1], t[2])));
        return hops;
    }

    /**
     * The broker's own floor: records sent {@code RATE} a second by a producer configured like the services' (acks all,
     * idempotent) to a topic of its own, each timed from its send to its arrival at a consumer already polling.
     */
    private static List<Long> rawRoundTrips(int count) throws Exception {
        String topic = "benchmark.round-trip." + UUID.randomUUID();
        String bootstrap = "localhost:" + RunningStack.port(9092);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> trips = Collections.synchronizedList(new ArrayList<>());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, topic,
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                     new ByteArrayDeserializer())) {
            producer.send(new ProducerRecord<>(topic, "warm-up", new byte[0])).get(30, TimeUnit.SECONDS);
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100));
                return !consumer.assignment().isEmpty();
            });
            Thread sender = new Thread(() -> {
                for (int i = 0; i < count; i++) {
                    String key = "trip-" + i;
                    sentAt.put(key, System.nanoTime());
                    producer.send(new ProducerRecord<>(topic, key, key.getBytes(StandardCharsets.UTF_8)));
                    try {
                        Thread.sleep(1000 / RATE);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sender.start();
            Set<String> seen = new HashSet<>();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (seen.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    Long sent = sentAt.get(r.key());
                    if (sent != null && seen.add(r.key())) {
                        trips.add((System.nanoTime() - sent) / 1_000_000);
                    }
                }
            }
            sender.join();
        }
        return trips;
    }

    private static String line(String what, List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "%-78s (none)".formatted(what);
        }
        return "%-78s p50 %6d ms  p99 %6d ms  max %6d ms  (n=%d)".formatted(what, sorted.get(sorted.size() / 2),
                sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)),
                sorted.get(sorted.size() - 1), sorted.size());
    }
}
