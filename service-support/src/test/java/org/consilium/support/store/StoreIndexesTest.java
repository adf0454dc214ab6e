package org.consilium.support.store;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.consilium.support.audit.AuditRecord;
import org.consilium.support.parking.ParkedMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.index.IndexInfo;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexes a service declares are created in its store at start-up: mongo-java-server keeps every index's
 * definition (it uses only the unique ones), so the store's own list shows what a real MongoDB would get.
 */
class StoreIndexesTest {

    @org.springframework.data.mongodb.core.mapping.Document("letters")
    @CompoundIndex(name = "case_sent", def = "{'caseId': 1, 'sentAt': -1}")
    record Letter(@Id String id, @Indexed(unique = true, sparse = true) String idempotencyKey, String caseId,
                  java.time.Instant sentAt) {
    }

    private MongoServer server;
    private MongoClient client;
    private ReactiveMongoTemplate mongo;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new ReactiveMongoTemplate(client, "store-indexes");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void everyDeclaredIndexIsInTheStoreAfterStartUp() {
        StoreIndexes indexes = new StoreIndexes(mongo, List.of(Letter.class, AuditRecord.class, ParkedMessage.class),
                List.of(new CollectionIndex("fs.files", new Index().on("metadata.caseId", Sort.Direction.ASC))),
                Duration.ofSeconds(10));

        indexes.run(null);

        assertThat(keys("letters")).contains(new Document("idempotencyKey", 1), new Document("caseId", 1).append("sentAt", -1));
        assertThat(indexInfo("letters")).anyMatch(i -> i.getName().equals("idempotencyKey") && i.isUnique() && i.isSparse());
        assertThat(keys("auditEvents")).contains(new Document("caseId", 1).append("recorded", -1));
        assertThat(keys("parkedMessages")).contains(new Document("binding", 1).append("caseId", 1).append("parkedAt", 1),
                new Document("caseId", 1).append("parkedAt", 1));
        assertThat(keys("fs.files")).contains(new Document("metadata.caseId", 1));
    }

    @Test
    void aSecondStartFindsThemInPlace() {
        StoreIndexes indexes = new StoreIndexes(mongo, List.of(Letter.class), List.of(), Duration.ofSeconds(10));

        List<String> first = indexes.create().block();
        List<String> second = indexes.create().block();

        assertThat(second).isEqualTo(first);
        assertThat(indexInfo("letters")).hasSize(3);
    }

    @Test
    void theApplicationsDocumentsAreFoundInItsPackages() {
        Set<Class<?>> documents = StoreIndexes.documentsIn(List.of("org.consilium.support.parking"));

        assertThat(documents).containsExactly(ParkedMessage.class);
    }

    private List<Document> keys(String collection) {
        return listIndexes(collection).stream().map(d -> (Document) d.get("key")).toList();
    }

    private List<Document> listIndexes(String collection) {
        return reactor.core.publisher.Flux.from(client.getDatabase("store-indexes").getCollection(collection).listIndexes())
                .collectList().block();
    }

    private List<IndexInfo> indexInfo(String collection) {
        return mongo.indexOps(collection).getIndexInfo().collectList().block();
    }
}
