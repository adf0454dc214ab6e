package org.consilium.store.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A database of the embedded store whose non-unique indexes are {@link FieldIndex}es instead of mongo-java-server's
 * placeholder, and whose {@code count} by one field's value is answered from such an index without reading a document
 * (the stage gauges count every stage every 15 s: at 100,000 cases, reading them took longer than the interval).
 */
final class IndexedH2Database extends H2Database {

    /**
     * While the database opens: its indexes by collection, built afterwards in one pass over each collection instead
     * of mongo-java-server's pass per index (at 100,000 cases, ~7 s each). Assigned while the super constructor runs
     * (it opens the indexes), hence no initialiser, which would run after it and wipe them.
     */
    private Map<String, List<FieldIndex>> opening;

    IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
        super(databaseName, store, cursors);
    }

    @Override
    protected void initializeNamespacesAndIndexes() {
        opening = new LinkedHashMap<>();
        super.initializeNamespacesAndIndexes();
        Map<String, List<FieldIndex>> unbuilt = opening;
        opening = null;
        unbuilt.forEach(this::build);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
        if (opening == null) {
            return new FieldIndex(indexName, keys, sparse, false); // a new index: mongo-java-server builds it
        }
        FieldIndex index = new FieldIndex(indexName, keys, sparse, true);
        opening.computeIfAbsent(collectionName, name -> new ArrayList<>()).add(index);
        return index;
    }

    /** Before the store takes a request: nothing reads or writes the collection meanwhile. */
    private void build(String collectionName, List<FieldIndex> indexes) {
        MongoCollection<Object> collection = resolveCollection(collectionName, false);
        if (collection != null) {
            try (Stream<Document> documents = collection.queryAllAsStream()) {
                // the H2 backend's position of a document is its _id
                documents.forEach(document -> indexes.forEach(index -> index.add(document, document.get("_id"),
                        collection)));
            }
        }
        indexes.forEach(FieldIndex::built);
    }

    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databases,
                                  Oplog oplog) {
        MongoCollection<Object> counting = command.equalsIgnoreCase("count") && query.get("count") instanceof String name
                ? resolveCollection(name, false) : null;
        if (counting == null) {
            return super.handleCommand(channel, command, query, databases, oplog);
        }
        Document counted = countFromIndex(counting, query);
        if (counted != null) {
            return counted;
        }
        // mongo-java-server counts outside the collection's lock, unlike its other reads: from an index's candidates
        // a document deleted meanwhile would be read as null. Counted as the others read.
        synchronized (counting) {
            return super.handleCommand(channel, command, query, databases, oplog);
        }
    }

    /** {@code {count: c, query: {field: value}}} with nothing else that changes the answer, or null. */
    private static Document countFromIndex(MongoCollection<Object> collection, Document command) {
        if (!(command.get("query") instanceof Document filter) || filter.size() != 1 || command.containsKey("skip")
                || command.containsKey("limit") || command.containsKey("collation") || command.containsKey("hint")) {
            return null;
        }
        Map.Entry<String, Object> condition = filter.entrySet().iterator().next();
        for (Index<Object> index : collection.getIndexes()) {
            if (index instanceof FieldIndex byField && byField.field().equals(condition.getKey())) {
                long n = byField.countEqual(condition.getValue());
                if (n >= 0) {
                    return new Document("n", (int) n).append("ok", 1.0);
                }
            }
        }
        return null;
    }
}
