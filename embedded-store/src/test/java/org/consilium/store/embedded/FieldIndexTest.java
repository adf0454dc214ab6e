package org.consilium.store.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store with its secondary indexes answers every query exactly as mongo-java-server without them (its
 * memory backend, which scans): random documents of every shape an index meets (missing, null, arrays, empty arrays,
 * sub-documents, mixed types), random queries of the shapes served and of shapes that are not, before and after
 * changes, and after the store is closed and opened again (the indexes are built anew from the file).
 */
class FieldIndexTest {

    private static final List<String> STAGES = List.of("SUBMITTED", "TRIAGED", "IN_REVIEW", "DELIVERED", "Zoë");

    @TempDir
    Path dir;

    private final List<MongoServer> servers = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();
    private final List<MongoCollection<Document>> collections = new ArrayList<>();
    private final Random random = new Random(16);

    @AfterEach
    void stop() {
        clients.forEach(MongoClient::close);
        servers.forEach(MongoServer::shutdownNow);
    }

    @Test
    void everyQueryFindsWhatAScanFinds() {
        MongoCollection<Document> indexed = indexedStore(dir.resolve("store.mv"));
        MongoCollection<Document> scanned = scannedStore();
        insertRandomDocuments(400, indexed, scanned);
        createLaterIndexes(indexed);
        assertSameAnswers(indexed, scanned);

        for (int i = 0; i < 150; i++) {
            Bson filter = Filters.eq("_id", "case-" + random.nextInt(400));
            Document replacement = randomDocument(random.nextInt(400));
            replacement.remove("_id");
            indexed.replaceOne(filter, replacement);
            scanned.replaceOne(filter, replacement);
        }
        Bson pending = Filters.exists("outbox.eventId");
        indexed.updateMany(Filters.eq("stage", "TRIAGED"), new Document("$set", new Document("outbox", List.of())));
        scanned.updateMany(Filters.eq("stage", "TRIAGED"), new Document("$set", new Document("outbox", List.of())));
        indexed.deleteMany(Filters.eq("stage", "IN_REVIEW"));
        scanned.deleteMany(Filters.eq("stage", "IN_REVIEW"));
        assertThat(ids(indexed, pending)).isNotEmpty();
        assertSameAnswers(indexed, scanned);
    }

    @Test
    void theIndexesAreBuiltAgainWhenTheStoreOpensItsFile() {
        Path file = dir.resolve("reopened.mv");
        MongoCollection<Document> first = indexedStore(file);
        MongoCollection<Document> scanned = scannedStore();
        insertRandomDocuments(200, first, scanned);
        createLaterIndexes(first);
        collections.remove(0);
        clients.remove(0).close();
        servers.remove(0).shutdown();

        MongoServer reopened = new MongoServer(DurableH2Backend.open(file));
        MongoCollection<Document> again = collection(reopened);

        assertThat(reopened.getLocalAddress()).isNotNull();
        assertSameAnswers(again, scanned);
    }

    @Test
    void theOutboxPollReadsOnlyTheDocumentsWithEntries() {
        FieldIndex index = new FieldIndex("outbox_pending", List.of(new de.bwaldvogel.mongo.backend.IndexKey(
                "outbox.eventId", true)), false, false);
        for (int i = 0; i < 1_000; i++) {
            de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "case-" + i)
                    .append("outbox", i % 100 == 0
                            ? List.of(new de.bwaldvogel.mongo.bson.Document("eventId", "e-" + i))
                            : List.of());
            index.add(document, "case-" + i, null);
        }
        de.bwaldvogel.mongo.bson.Document poll = new de.bwaldvogel.mongo.bson.Document("outbox.eventId",
                new de.bwaldvogel.mongo.bson.Document("$exists", true));

        assertThat(index.canHandle(poll)).isTrue();
        assertThat(index.getPositions(poll)).containsExactlyInAnyOrder("case-0", "case-100", "case-200", "case-300",
                "case-400", "case-500", "case-600", "case-700", "case-800", "case-900");
        // the old form of the poll names an array position: not served, scanned as before
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("outbox.0",
                new de.bwaldvogel.mongo.bson.Document("$exists", true)))).isFalse();
    }

    @Test
    void aRangeOfDatesAndAStateAreLookedUpNotScanned() {
        FieldIndex byClaim = new FieldIndex("state_claimed", List.of(new de.bwaldvogel.mongo.backend.IndexKey("state", true),
                new de.bwaldvogel.mongo.backend.IndexKey("claimedAt", true)), false, false);
        FieldIndex byTime = new FieldIndex("claimed", List.of(new de.bwaldvogel.mongo.backend.IndexKey("claimedAt", true)),
                false, false);
        Instant start = Instant.parse("2026-12-07T00:00:00Z");
        for (int i = 0; i < 100; i++) {
            de.bwaldvogel.mongo.bson.Document delivery = new de.bwaldvogel.mongo.bson.Document("_id", "d-" + i)
                    .append("state", i < 3 ? "SENDING" : "SENT").append("claimedAt", start.plusSeconds(60L * i));
            byClaim.add(delivery, "d-" + i, null);
            byTime.add(delivery, "d-" + i, null);
        }
        // the notification sweep's shape: a state, and claimed before a moment
        de.bwaldvogel.mongo.bson.Document stuck = new de.bwaldvogel.mongo.bson.Document("state", "SENDING")
                .append("claimedAt", new de.bwaldvogel.mongo.bson.Document("$lt", start.plusSeconds(90)));

        assertThat(byClaim.getPositions(stuck)).containsExactlyInAnyOrder("d-0", "d-1", "d-2");
        assertThat(byTime.getPositions(stuck)).containsExactlyInAnyOrder("d-0", "d-1");
        assertThat(byTime.getPositions(new de.bwaldvogel.mongo.bson.Document("claimedAt",
                new de.bwaldvogel.mongo.bson.Document("$gte", start.plusSeconds(60 * 98))))).containsExactlyInAnyOrder(
                "d-98", "d-99");
    }

    @Test
    void aCountByOneValueIsTheNumberOfDocumentsHoldingIt() {
        MongoCollection<Document> indexed = indexedStore(dir.resolve("counted.mv"));
        MongoCollection<Document> scanned = scannedStore();
        for (int i = 0; i < 300; i++) {
            Document document = new Document("_id", "case-" + i).append("stage", STAGES.get(i % STAGES.size()))
                    .append("n", i % 7);
            indexed.insertOne(document);
            scanned.insertOne(new Document(document));
        }
        for (String stage : STAGES) {
            assertThat(count(indexed, new Document("stage", stage))).isEqualTo(count(scanned, new Document("stage", stage)))
                    .isEqualTo(60);
        }
        assertThat(count(indexed, new Document("stage", "NONE"))).isZero();
        assertThat(count(indexed, new Document("n", 3L))).isEqualTo(count(scanned, new Document("n", 3)));
        // not one equality: counted from the index's candidates, matched as a find would be
        Document twoFields = new Document("stage", "Zoë").append("n", new Document("$gte", 3));
        assertThat(count(indexed, twoFields)).isEqualTo(count(scanned, twoFields)).isPositive();
    }

    /** The {@code count} command (what the stage gauges send), not countDocuments (an aggregation). */
    private int count(MongoCollection<Document> collection, Document query) {
        MongoClient client = clients.get(collections.indexOf(collection));
        return ((Number) client.getDatabase("consilium").runCommand(new Document("count", "cases").append("query", query))
                .get("n")).intValue();
    }

    private void assertSameAnswers(MongoCollection<Document> indexed, MongoCollection<Document> scanned) {
        for (Bson query : queries()) {
            assertThat(ids(indexed, query)).as(query.toBsonDocument().toJson()).isEqualTo(ids(scanned, query));
        }
    }

    private List<Bson> queries() {
        Instant t = Instant.parse("2026-12-07T12:00:00Z");
        List<Bson> queries = new ArrayList<>(List.of(
                Filters.exists("outbox.eventId"),
                Filters.exists("outbox.eventId", false),
                Filters.exists("stage"),
                Filters.eq("stage", null),
                Filters.ne("stage", "DELIVERED"),
                Filters.in("stage", "SUBMITTED", "Zoë"),
                Filters.in("stage", "SUBMITTED", null),
                Filters.eq("tags", "urgent"),
                Filters.eq("tags", List.of("urgent", "lung")),
                Filters.eq("n", 3),
                Filters.eq("n", 3.0),
                Filters.eq("n", 3L),
                Filters.eq("n", 0),
                Filters.gt("n", 2),
                Filters.and(Filters.gte("n", 2), Filters.lt("n", 5.5)),
                Filters.lte("n", "5"),
                Filters.gt("at", Date.from(t)),
                Filters.and(Filters.gte("at", Date.from(t.minusSeconds(3_600))), Filters.lt("at", Date.from(t))),
                Filters.lt("at", 5),
                Filters.eq("panel.specialistId", "s-2"),
                Filters.in("panel.specialistId", "s-1", "s-3"),
                Filters.eq("sub", new Document("x", 1)),
                Filters.eq("sub.x", 1),
                Filters.eq("flag", true),
                Filters.regex("stage", "^S"),
                Filters.and(Filters.eq("stage", "TRIAGED"), Filters.gt("n", 1)),
                Filters.and(Filters.eq("stage", "TRIAGED"), Filters.or(Filters.eq("n", 1), Filters.eq("flag", false))),
                Filters.and(Filters.exists("stage"), Filters.eq("stage", "IN_REVIEW")),
                Filters.and(Filters.gt("n", 5), Filters.lt("n", 2))));
        for (int i = 0; i < 30; i++) {
            queries.add(Filters.eq("stage", STAGES.get(random.nextInt(STAGES.size()))));
            queries.add(Filters.gte("n", random.nextInt(10) - 1));
            queries.add(Filters.lt("at", Date.from(t.plusSeconds(random.nextInt(7_200) - 3_600L))));
        }
        return queries;
    }

    private static Set<String> ids(MongoCollection<Document> collection, Bson query) {
        Set<String> ids = new TreeSet<>();
        collection.find(query).forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    /** The same random documents into both stores. */
    private void insertRandomDocuments(int count, MongoCollection<Document> indexed, MongoCollection<Document> scanned) {
        for (int i = 0; i < count; i++) {
            Document document = randomDocument(i);
            indexed.insertOne(document);
            scanned.insertOne(new Document(document));
        }
    }

    /** mongo-java-server's memory backend: no secondary index, every query a scan (the answers to compare with). */
    private MongoCollection<Document> scannedStore() {
        return collection(new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0)));
    }

    /** Anything an index meets, in a field the store indexes and mostly of the type its queries use. */
    private Document randomDocument(int i) {
        Document document = new Document("_id", "case-" + i);
        switch (random.nextInt(10)) {
            case 0 -> { }
            case 1 -> document.append("stage", null);
            case 2 -> document.append("stage", List.of(pick(STAGES), pick(STAGES)));
            case 3 -> document.append("stage", 7);
            default -> document.append("stage", pick(STAGES));
        }
        switch (random.nextInt(8)) {
            case 0 -> { }
            case 1 -> document.append("n", String.valueOf(random.nextInt(10)));
            case 2 -> document.append("n", (long) random.nextInt(10));
            case 3 -> document.append("n", random.nextInt(10) == 0 ? -0.0 : random.nextInt(100) / 10.0);
            case 4 -> document.append("n", List.of(random.nextInt(10), random.nextInt(10)));
            case 5 -> document.append("n", new Document("deep", 1));
            default -> document.append("n", random.nextInt(10));
        }
        if (random.nextInt(6) > 0) {
            document.append("at", Date.from(Instant.parse("2026-12-07T11:00:00Z").plusSeconds(random.nextInt(7_200))));
        } else {
            document.append("at", random.nextBoolean() ? "yesterday" : null);
        }
        List<Document> outbox = new ArrayList<>();
        for (int e = random.nextInt(4) - 1; e > 0; e--) {
            outbox.add(new Document("eventId", "e-" + i + "-" + e));
        }
        document.append("outbox", outbox);
        if (random.nextBoolean()) {
            document.append("tags", random.nextBoolean() ? List.of("urgent", "lung") : List.of());
        }
        if (random.nextInt(3) > 0) {
            List<Object> panel = new ArrayList<>();
            for (int p = random.nextInt(3); p >= 0; p--) {
                panel.add(new Document("specialistId", "s-" + random.nextInt(4)));
            }
            if (random.nextInt(5) == 0) {
                panel.add(List.of(new Document("specialistId", "s-2")));
            }
            document.append("panel", panel);
        }
        document.append("sub", new Document("x", random.nextInt(3)));
        document.append("flag", random.nextBoolean());
        return document;
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** A store with half its indexes made while the collection is empty (each kept as documents come). */
    private MongoCollection<Document> indexedStore(Path file) {
        MongoCollection<Document> collection = collection(new MongoServer(DurableH2Backend.open(file)));
        for (String field : List.of("stage", "n", "at", "outbox.eventId")) {
            collection.createIndex(Indexes.ascending(field), new IndexOptions().name(field));
        }
        return collection;
    }

    /** The other half made on a filled collection (mongo-java-server fills each from the documents). */
    private static void createLaterIndexes(MongoCollection<Document> collection) {
        for (String field : List.of("tags", "panel.specialistId", "sub.x", "flag")) {
            collection.createIndex(Indexes.ascending(field), new IndexOptions().name(field));
        }
        collection.createIndex(Indexes.ascending("stage", "at"), new IndexOptions().name("stage_at"));
    }

    private MongoCollection<Document> collection(MongoServer server) {
        servers.add(server);
        MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
        clients.add(client);
        MongoCollection<Document> collection = client.getDatabase("consilium").getCollection("cases");
        collections.add(collection);
        return collection;
    }
}
