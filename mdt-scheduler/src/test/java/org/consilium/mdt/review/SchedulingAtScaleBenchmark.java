package org.consilium.mdt.review;

import org.bson.Document;
import org.consilium.events.Envelope;
import org.consilium.mdt.ServiceTest;
import org.consilium.mdt.panel.Panellist;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What scheduling one case costs as a week fills with reviews (issue 12: the full-size fault suite scheduled 2–40
 * cases a minute, slower as reviews piled up). Beside the week's load as {@link WeeklyLoad} reads it (two fields of
 * each review), the baseline read in the same run: every review of the week read whole and opened, as it was read
 * before. Prints a table (and target/scheduling-at-scale.txt); asserts only that both reads count the same.
 * On demand: {@code mvn -B -pl mdt-scheduler -am test -Dtest=SchedulingAtScaleBenchmark -Dexcluded.groups=none
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class SchedulingAtScaleBenchmark extends ServiceTest {
    private static final int[] SIZES = {100, 300, 1_000, 3_000};
    private static final int REPEATS = 5;

    @Autowired
    private WeeklyLoad load;
    @Autowired
    private ReviewScheduling scheduling;

    @Test
    void aWeeksLoadAndASchedulingAsTheWeekFills() throws IOException {
        String seed = newCaseId("seed");
        scheduling.apply(envelope(seed)).block();
        Document stored = storedReview(seed);
        Instant startsAt = stored.get("session", Document.class).getDate("startsAt").toInstant();

        List<String> lines = new ArrayList<>();
        lines.add("reviews in the week | load, whole reviews (before) | load, two fields (now) | scheduling one case"
                + " | the outbox relay's poll (every second)");
        int inWeek = 1;
        for (int size : SIZES) {
            insertCopies(stored, size - inWeek);
            inWeek = size;
            Map<String, Integer> before = wholeReviews(startsAt);
            Map<String, Integer> now = load.inWeekOf(startsAt).block();
            assertThat(now).isEqualTo(before);
            assertThat(now.values().stream().mapToInt(Integer::intValue).max().orElse(0)).isGreaterThanOrEqualTo(size);
            long wholeMs = medianMillis(() -> wholeReviews(startsAt));
            long fieldsMs = medianMillis(() -> load.inWeekOf(startsAt).block());
            long scheduleMs = medianMillis(() -> scheduling.apply(envelope(newCaseId("lung"))).block());
            long pollMs = medianMillis(() -> mongo.find(new Query(Criteria.where("outbox.0").exists(true)),
                    Document.class, "reviews").collectList().block());
            lines.add("%,d | %,d ms | %,d ms | %,d ms | %,d ms".formatted(size, wholeMs, fieldsMs, scheduleMs, pollMs));
        }
        lines.forEach(System.out::println);
        Files.write(Path.of("target", "scheduling-at-scale.txt"), lines);
    }

    private static Envelope envelope(String caseId) {
        return Envelope.of(lungCase(caseId), UUID.randomUUID().toString(), "benchmark", now());
    }

    /** The baseline: the week's reviews read whole (mapped, sealed parts opened) and their panels counted. */
    private Map<String, Integer> wholeReviews(Instant instant) {
        Instant monday = WeeklyLoad.mondayOf(instant);
        Query week = Query.query(Criteria.where("session.startsAt").gte(monday).lt(monday.plus(7, ChronoUnit.DAYS))
                .and("status").in(List.of(ReviewStatus.SCHEDULED.name(), ReviewStatus.CONCLUDED.name())));
        return mongo.find(week, Review.class).flatMapIterable(Review::panel).map(Panellist::specialistId)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.summingInt(id -> 1))).block();
    }

    private void insertCopies(Document review, int copies) {
        List<Document> batch = IntStream.range(0, copies).mapToObj(i -> {
            Document copy = new Document(review);
            copy.put("_id", "copy-" + UUID.randomUUID());
            copy.put("outbox", List.of()); // relayed long ago: the copies announce nothing
            return copy;
        }).toList();
        if (!batch.isEmpty()) {
            mongo.getCollection("reviews").flatMapMany(c -> c.insertMany(batch)).blockLast();
        }
    }

    private static long medianMillis(Supplier<?> work) {
        long[] took = new long[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long start = System.nanoTime();
            work.get();
            took[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(took);
        return took[REPEATS / 2];
    }
}
