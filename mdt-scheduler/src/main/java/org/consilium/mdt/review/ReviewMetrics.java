package org.consilium.mdt.review;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Business metrics: reviews by status (a gauge refreshed from the store, so every instance
 * reports the same numbers), opinions submitted and panel gaps (counters, by discipline).
 */
@Component
public class ReviewMetrics {
    private final ReactiveMongoTemplate mongo;
    private final MeterRegistry meters;
    private final Map<ReviewStatus, AtomicLong> byStatus = new EnumMap<>(ReviewStatus.class);

    ReviewMetrics(ReactiveMongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.meters = meters;
        for (ReviewStatus status : ReviewStatus.values()) {
            AtomicLong count = new AtomicLong();
            byStatus.put(status, count);
            Gauge.builder("consilium.mdt.reviews", count, AtomicLong::get).description("reviews by status")
                    .tag("status", status.name()).register(meters);
        }
    }

    @Scheduled(fixedDelayString = "${consilium.mdt.metrics-refresh:10s}", initialDelay = 1000)
    void refresh() {
        Flux.fromIterable(byStatus.entrySet())
                .concatMap(e -> mongo.count(Query.query(Criteria.where("status").is(e.getKey().name())), Review.class)
                        .doOnNext(e.getValue()::set))
                .then().block(Duration.ofSeconds(10));
    }

    void opinionSubmitted(String discipline) {
        Counter.builder("consilium.mdt.opinions.submitted").description("individual opinions recorded")
                .tag("discipline", discipline).register(meters).increment();
    }

    void sessionChosen(org.consilium.mdt.session.SessionKind kind) {
        Counter.builder("consilium.mdt.sessions.chosen")
                .description("cases put on a board session, an ad-hoc session or an asynchronous review")
                .tag("kind", kind.name()).register(meters).increment();
    }

    /** A ScheduleReview tried before its case's CaseSubmitted was seen: many of these mean intake's events lag. */
    void awaitingCase() {
        Counter.builder("consilium.mdt.schedule.awaiting-case")
                .description("ScheduleReview attempts that waited for the case's CaseSubmitted").register(meters)
                .increment();
    }

    void uncovered(List<String> disciplines) {
        disciplines.forEach(d -> Counter.builder("consilium.mdt.panel.uncovered")
                .description("requested disciplines no specialist could cover").tag("discipline", d)
                .register(meters).increment());
    }
}
