package org.consilium.records.collection;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code consilium.records.cases} gauge by status (every status, zero included), refreshed on a schedule. */
@Component
public class RecordsStatusMetrics {
    private final ReactiveMongoTemplate mongo;
    private final MultiGauge byStatus;

    public RecordsStatusMetrics(ReactiveMongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.byStatus = MultiGauge.builder("consilium.records.cases").description("cases by records status")
                .register(meters);
    }

    @Scheduled(initialDelay = 1000, fixedDelayString = "${consilium.metrics.refresh:15s}")
    public void refresh() {
        List<Document> counts = mongo.aggregate(Aggregation.newAggregation(Aggregation.group("status").count().as("n")),
                CaseRecords.COLLECTION, Document.class).collectList().block(Duration.ofSeconds(10));
        if (counts == null) {
            return;
        }
        Map<String, Number> byName = counts.stream().filter(d -> d.get("_id") != null)
                .collect(Collectors.toMap(d -> d.get("_id").toString(), d -> (Number) d.get("n")));
        byStatus.register(Arrays.stream(RecordsStatus.values()).map(s -> MultiGauge.Row.of(
                Tags.of("status", s.name()), byName.getOrDefault(s.name(), 0))).toList(), true);
    }
}
