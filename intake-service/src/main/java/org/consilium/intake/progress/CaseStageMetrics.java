package org.consilium.intake.progress;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/** {@code consilium.cases} gauge by stage: how many cases stand where, for the ops dashboards. */
@Component
public class CaseStageMetrics {
    private final ReactiveMongoTemplate mongo;
    private final MultiGauge byStage;

    public CaseStageMetrics(ReactiveMongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.byStage = MultiGauge.builder("consilium.cases").description("cases by stage").register(meters);
    }

    @Scheduled(fixedDelayString = "${consilium.metrics.refresh:15s}")
    public void refresh() {
        List<Document> counts = mongo.aggregate(Aggregation.newAggregation(Aggregation.group("stage").count().as("n")),
                "cases", Document.class).collectList().block(Duration.ofSeconds(10));
        if (counts != null) {
            byStage.register(counts.stream().map(d -> MultiGauge.Row.of(Tags.of("stage", String.valueOf(d.get("_id"))),
                    d.getInteger("n"))).toList(), true);
        }
    }
}
