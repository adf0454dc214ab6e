package org.consilium.console.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.consilium.console.caseview.CaseEvents;
import org.consilium.console.caseview.CaseViewStore;
import org.consilium.console.caseview.TestCaseViews;
import org.consilium.events.CaseWithdrawn;
import org.consilium.events.Envelope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Ops's stuck cases from the read model in a MongoDB-wire store: a case past its stage's target shows, the longest
 * overdue first, with whose move it is and the incident that stops it; a case within its target, or in a stage with
 * none (withdrawn), does not.
 */
class StuckCasesTest {
    private static final Instant NOW = Instant.parse("2026-12-20T12:00:00Z");
    private static MongoServer server;
    private static MongoClient client;
    private static ReactiveMongoTemplate mongo;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = new ReactiveMongoTemplate(client, "stuck-cases");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void casesPastTheirStagesTargetShowLongestOverdueFirstWithWhoseMoveItIs() {
        Instant tenDaysAndADayAgo = NOW.minus(Duration.ofDays(11));
        store("records-late", CaseEvents.submitted("records-late", "lung", tenDaysAndADayAgo.minusSeconds(60)),
                CaseEvents.recordsRequested("records-late", tenDaysAndADayAgo));
        store("records-on-time", CaseEvents.submitted("records-on-time", "lung", NOW.minus(Duration.ofDays(3))),
                CaseEvents.recordsRequested("records-on-time", NOW.minus(Duration.ofDays(2))));
        Instant threeHoursAgo = NOW.minus(Duration.ofHours(3));
        store("not-scheduled", CaseEvents.submitted("not-scheduled", "lung", NOW.minus(Duration.ofDays(4))),
                CaseEvents.recordsRequested("not-scheduled", NOW.minus(Duration.ofDays(3))),
                CaseEvents.recordsCompleted("not-scheduled", threeHoursAgo),
                CaseEvents.opened("not-scheduled", "t-1", "Check the review scheduling", "ROUTINE", NOW.minus(Duration.ofHours(2)), null));
        store("withdrawn", CaseEvents.submitted("withdrawn", "lung", NOW.minus(Duration.ofDays(40))),
                CaseEvents.from("intake-service", new CaseWithdrawn("withdrawn", "moved", NOW.minus(Duration.ofDays(39))),
                        NOW.minus(Duration.ofDays(39))));
        StageTargets targets = new StageTargets(Map.of("SUBMITTED", Duration.ofDays(2), "COLLECTING_RECORDS",
                Duration.ofDays(10), "RECORDS_COMPLETE", Duration.ofHours(1), "MDT_SCHEDULED", Duration.ofDays(15)));
        StuckCases stuck = new StuckCases(new CaseViewStore(mongo), targets, Clock.fixed(NOW, ZoneOffset.UTC));
        Incident incident = new Incident("i-1", "not-scheduled", "pi-not-scheduled", "SendScheduleReview", "failedJob",
                NOW, "Kafka did not acknowledge ScheduleReview", "", true);

        List<StuckCase> rows = stuck.now(List.of(incident)).block();

        assertThat(rows).extracting(StuckCase::caseId).containsExactly("records-late", "not-scheduled");
        StuckCase late = rows.get(0);
        assertThat(late.stage()).isEqualTo("COLLECTING_RECORDS");
        assertThat(late.overdueBy()).isEqualTo(Duration.ofDays(1));
        assertThat(late.waitsOn()).contains("records");
        assertThat(late.incident()).isNull();
        StuckCase notScheduled = rows.get(1);
        assertThat(notScheduled.overdueBy()).isEqualTo(Duration.ofHours(2));
        assertThat(notScheduled.waitsOn()).isEqualTo("coordinators: Check the review scheduling");
        assertThat(notScheduled.incident()).isEqualTo("Kafka did not acknowledge ScheduleReview");
    }

    private static void store(String caseId, Envelope... events) {
        mongo.insert(TestCaseViews.after(caseId, events)).block();
    }
}
