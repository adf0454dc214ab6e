package org.consilium.mdt.review;

import org.consilium.mdt.panel.Panellist;
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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How many cases each specialist sits on in one ISO week (Monday to Sunday, UTC); cancelled reviews do not count. */
@Component
class WeeklyLoad {
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
        Query week = Query.query(Criteria.where("session.startsAt").gte(monday).lt(monday.plus(7, ChronoUnit.DAYS))
                .and("status").in(List.of(ReviewStatus.SCHEDULED.name(), ReviewStatus.CONCLUDED.name())));
        return mongo.find(week, Review.class)
                .flatMapIterable(Review::panel)
                .map(Panellist::specialistId)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.summingInt(id -> 1)));
    }
}
