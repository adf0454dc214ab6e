package org.consilium.console.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.consilium.events.Envelope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;

/**
 * The projection against a MongoDB-wire store (mongo-java-server): stored per case, a redelivery applied once, two
 * topics' consumers writing one case at once both applied (optimistic version, applied again on a conflict).
 */
class CaseProjectionTest {
    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");
    private static final PatientNames NAMES = new PatientNames("a test's key for the hashes of names, 32+ characters");
    private static MongoServer server;
    private static MongoClient client;
    private final List<CaseView> told = new CopyOnWriteArrayList<>();
    private CaseViewStore store;
    private CaseProjection projection;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    private void fresh(String database) {
        store = new CaseViewStore(new ReactiveMongoTemplate(client, database));
        projection = new CaseProjection(store, List.of(told::add), NAMES);
    }

    @Test
    void storedPerCaseAndARedeliveryChangesNothing() {
        fresh("projection-redelivery");
        Envelope opened = CaseEvents.opened("case-1", "t-1", "Review intake", "URGENT", T0, null);
        projection.apply(CaseEvents.submitted("case-1", "lung", T0)).block();
        projection.apply(opened).block();
        projection.apply(opened).block();

        CaseView stored = store.find("case-1").block();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.openTasks()).hasSize(1);
        assertThat(stored.timeline()).hasSize(2);
        assertThat(store.withOpenTasks().collectList().block()).extracting(CaseView::caseId).containsExactly("case-1");
        assertThat(told).last().extracting(CaseView::version).isEqualTo(2L);
    }

    @Test
    void eventsOfOneCaseAppliedAtOnceAreAllKept() {
        fresh("projection-concurrent");
        List<Envelope> events = List.of(CaseEvents.submitted("case-2", "lung", T0),
                CaseEvents.opened("case-2", "t-1", "Review intake", null, T0, null),
                CaseEvents.opened("case-2", "t-2", "Chase missing records", null, T0, null),
                CaseEvents.recordsRequested("case-2", T0), CaseEvents.recordsCompleted("case-2", T0.plusSeconds(9)),
                CaseEvents.assigned("case-2", "t-2", "ana.okafor", T0.plusSeconds(1)));
        Flux.fromIterable(events).flatMap(projection::apply, events.size()).blockLast();

        CaseView stored = store.find("case-2").block();
        assertThat(stored.timeline()).hasSize(events.size());
        assertThat(stored.version()).isEqualTo(events.size());
        assertThat(stored.stage()).isEqualTo("RECORDS_COMPLETE");
        assertThat(stored.openTasks()).hasSize(2);
    }

    /** The patient is found by a word of her name, and the read model holds no name: only keyed hashes of its words. */
    @Test
    void theNameIsKeptAsHashesOfItsWordsOnly() {
        fresh("projection-names");
        projection.apply(CaseEvents.submitted("case-3", "lung", T0)).block();

        CaseView stored = store.find("case-3").block();
        assertThat(stored.nameTokens()).containsAll(NAMES.tokens("SANTOSO")).containsAll(NAMES.tokens("budi"));
        assertThat(stored.nameTokens()).doesNotContainAnyElementsOf(NAMES.tokens("Budiman"));
        org.bson.Document raw = new ReactiveMongoTemplate(client, "projection-names").findById("case-3",
                org.bson.Document.class, "cases").block();
        assertThat(raw.toJson()).doesNotContain("Budi").doesNotContain("Santoso").doesNotContain(CaseEvents.SEALED_QUESTION);
    }
}
