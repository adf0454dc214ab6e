package org.consilium.intake.progress;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.bson.Document;
import org.consilium.intake.request.Stage;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;

/**
 * {@code consilium.cases} gauge by stage: how many cases stand where, for the ops dashboards. Every stage has its row,
 * an empty one 0 (a stage that empties reads 0 rather than vanishing from the graph).
 * <p>
 * One {@code count} command per stage, not a {@code $group} over the collection: the count is answered from the
 * {@code stage_submitted} index (a real MongoDB counts the index's keys; the embedded store's index keeps them too),
 * while the {@code $group}, and the driver's {@code countDocuments} (an aggregation as well), read every case: at
 * 100,000 cases on the embedded store, longer than the refresh's 10 s (issue 16).
 */
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
        List<MultiGauge.Row<?>> rows = Flux.fromArray(Stage.values())
                .<MultiGauge.Row<?>>concatMap(stage -> mongo.executeCommand(new Document("count", "cases")
                                .append("query", new Document("stage", stage.name())))
                        .map(reply -> MultiGauge.Row.of(Tags.of("stage", stage.name()),
                                reply.get("n", Number.class))))
                .collectList().block(Duration.ofSeconds(10));
        if (rows != null) {
            byStage.register(rows, true);
        }
    }
}
