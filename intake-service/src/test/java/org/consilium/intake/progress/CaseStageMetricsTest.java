package org.consilium.intake.progress;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.consilium.intake.request.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The stage gauges count each stage's cases with the store's {@code count} command, every stage a row. */
class CaseStageMetricsTest {

    private MongoServer server;
    private MongoClient client;
    private ReactiveMongoTemplate mongo;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new ReactiveMongoTemplate(client, "stage-metrics");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void everyStageHasItsCountAndAnEmptyStageReadsZero() {
        List<Document> cases = List.of(stage("c-1", Stage.SUBMITTED), stage("c-2", Stage.SUBMITTED),
                stage("c-3", Stage.MDT_SCHEDULED), stage("c-4", Stage.REPORT_DELIVERED));
        mongo.insert(cases, "cases").blockLast();
        CaseStageMetrics metrics = new CaseStageMetrics(mongo, meters);

        metrics.refresh();

        assertThat(gauge(Stage.SUBMITTED)).isEqualTo(2);
        assertThat(gauge(Stage.MDT_SCHEDULED)).isEqualTo(1);
        assertThat(gauge(Stage.REPORT_DELIVERED)).isEqualTo(1);
        assertThat(gauge(Stage.DECLINED)).isZero();
        assertThat(meters.find("consilium.cases").gauges()).hasSize(Stage.values().length);

        mongo.updateFirst(Query.query(Criteria.where("_id").is("c-3")), Update.update("stage", Stage.MDT_CONCLUDED.name()),
                "cases").block();
        metrics.refresh();

        assertThat(gauge(Stage.MDT_SCHEDULED)).isZero();
        assertThat(gauge(Stage.MDT_CONCLUDED)).isEqualTo(1);
    }

    private static Document stage(String id, Stage stage) {
        return new Document("_id", id).append("stage", stage.name());
    }

    private double gauge(Stage stage) {
        return meters.get("consilium.cases").tag("stage", stage.name()).gauge().value();
    }
}
