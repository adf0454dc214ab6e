package org.consilium.mdt.review;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How many cases each specialist sits on in one ISO week (Monday to Sunday, UTC); cancelled reviews do not count.
 *
 * <p>Read for every case scheduled, so it reads only the two fields it counts (when, and who sits), never the whole
 * review: a review carries its brief, opinions and report sealed, and opening a week of them per scheduling made
 * scheduling slower with every review stored (the full-size fault suite: 2–40 cases a minute, issue 12). The weeks
 * a plan weighs are read in one query.
 */
@Component
class WeeklyLoad {
    private static final List<String> COUNTED = List.of(ReviewStatus.SCHEDULED.name(), ReviewStatus.CONCLUDED.name());

    private final ReactiveMongoTemplate mongo;

    WeeklyLoad(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    static Instant mondayOf(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .truncatedTo(ChronoUnit.DAYS).toInstant();
    }

    Mono<Map<String, Integer>> inWeekOf(Instant instant) {
        Instant monday = mondayOf(instant);
        return inWeeksOf(List.of(monday)).map(weeks -> weeks.getOrDefault(monday, Map.of()));
    }

    /** The load of each week the instants fall in, by the week's Monday; a week nobody sits in maps to an empty load. */
    Mono<Map<Instant, Map<String, Integer>>> inWeeksOf(Collection<Instant> instants) {
        Set<Instant> mondays = instants.stream().map(WeeklyLoad::mondayOf).collect(Collectors.toSet());
        if (mondays.isEmpty()) {
            return Mono.just(Map.of());
        }
        Instant first = mondays.stream().min(Comparator.naturalOrder()).orElseThrow();
        Instant last = mondays.stream().max(Comparator.naturalOrder()).orElseThrow();
        Query weeks = Query.query(Criteria.where("session.startsAt").gte(first).lt(last.plus(7, ChronoUnit.DAYS))
                .and("status").in(COUNTED));
        weeks.fields().include("session.startsAt").include("panel.specialistId");
        return mongo.find(weeks, Document.class, "reviews")
                .collect(() -> emptyWeeks(mondays), (load, review) -> count(load, review))
                .map(load -> load.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                        week -> Map.copyOf(week.getValue()))));
    }

    private static Map<Instant, Map<String, Integer>> emptyWeeks(Set<Instant> mondays) {
        Map<Instant, Map<String, Integer>> load = new HashMap<>();
        mondays.forEach(monday -> load.put(monday, new HashMap<>()));
        return load;
    }

    /** Adds one review's panel to its week, if that week was asked for (the range between two asked weeks is not). */
    private static void count(Map<Instant, Map<String, Integer>> load, Document review) {
        Document session = review.get("session", Document.class);
        Map<String, Integer> week = load.get(mondayOf(session.getDate("startsAt").toInstant()));
        if (week == null) {
            return;
        }
        for (Document member : review.getList("panel", Document.class, List.of())) {
            week.merge(member.getString("specialistId"), 1, Integer::sum);
        }
    }
}
