package org.consilium.e2e;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The number of documents in every collection of every service's database in the stack's
 * MongoDB-wire store, GridFS's {@code fs.files} and {@code fs.chunks} included (a refused upload
 * must not leave chunks behind). Read straight from the store: the services' APIs would not show a
 * half-stored write, which is the point.
 */
final class StoreCounts implements AutoCloseable {
    /**
     * What a refused request may add: the audit trail records who was refused (ADR 11), which is a
     * write by design, not a half-stored one.
     */
    private static final Set<String> WRITTEN_ON_REFUSAL = Set.of("auditEvents");
    private static final Set<String> NOT_A_SERVICE = Set.of("admin", "local", "config");

    private final MongoClient client = MongoClients.create("mongodb://localhost:" + RunningStack.port(27017)
            + "/?serverSelectionTimeoutMS=10000");

    /** {@code database.collection} → documents, sorted. */
    Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        for (String database : client.listDatabaseNames()) {
            if (NOT_A_SERVICE.contains(database)) {
                continue;
            }
            var db = client.getDatabase(database);
            for (String collection : db.listCollectionNames()) {
                if (!WRITTEN_ON_REFUSAL.contains(collection)) {
                    counts.put(database + "." + collection, db.getCollection(collection).countDocuments());
                }
            }
        }
        return counts;
    }

    /**
     * The database each service owns (no service writes another's). A refused request stores nothing and so
     * publishes nothing, so only its own service's database can show a half-stored write; the others are
     * left out because the fixture case's flow (events, mails) may still write to them in the background.
     * The engine keeps its state in PostgreSQL, which is not counted here.
     */
    static final Map<String, String> DATABASES = Map.of("intake", "consilium-intake", "records", "consilium-records",
            "mdt-scheduler", "consilium-mdt", "notification", "consilium-notification");

    /** The collections of the service's database that have more documents after than before, with how many more. */
    static Map<String, Long> grown(String service, Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> grown = new TreeMap<>();
        String database = DATABASES.get(service);
        if (database == null) {
            return grown;
        }
        after.forEach((collection, count) -> {
            if (!collection.startsWith(database + ".")) {
                return;
            }
            long more = count - before.getOrDefault(collection, 0L);
            if (more > 0) {
                grown.put(collection, more);
            }
        });
        return grown;
    }

    @Override
    public void close() {
        client.close();
    }
}
