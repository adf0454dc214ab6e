package org.consilium.support.testing;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.consilium.support.audit.AuditRecord;
import org.consilium.support.parking.ParkedMessage;
import org.consilium.support.store.CollectionIndex;
import org.consilium.support.store.StoreIndexes;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The indexes a service's StoreIndexes would create, described ({@link StoreIndexes.Planned#describe()}), found as the
 * auto-configuration finds them: the service's {@code @Document} classes, service-support's two, its CollectionIndex
 * beans. No store is reached: only the mapping is read.
 */
public final class DeclaredIndexes {

    /** service-support's own, in every service: the audit trail by case, the parked messages of a case in order. */
    public static final List<String> SERVICE_SUPPORT = List.of(
            "auditEvents {\"caseId\": 1, \"recorded\": -1}",
            "parkedMessages {\"binding\": 1, \"caseId\": 1, \"parkedAt\": 1}",
            "parkedMessages {\"caseId\": 1, \"parkedAt\": 1}");

    private DeclaredIndexes() {
    }

    public static List<String> of(String applicationPackage, CollectionIndex... others) {
        Set<Class<?>> documents = new LinkedHashSet<>(StoreIndexes.documentsIn(List.of(applicationPackage)));
        documents.add(AuditRecord.class);
        documents.add(ParkedMessage.class);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:9/unused")) {
            StoreIndexes indexes = new StoreIndexes(new ReactiveMongoTemplate(client, "unused"), documents,
                    List.of(others), Duration.ofSeconds(1));
            return indexes.planned().stream().map(StoreIndexes.Planned::describe).toList();
        }
    }
}
