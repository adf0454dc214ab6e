package org.consilium.store.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;

import java.nio.file.Path;

/**
 * mongo-java-server's H2 backend, made to keep what it acknowledges: the MVStore commits to its file
 * on its own only about once a second, so a kill -9 of the stack lost writes the services had already
 * answered 2xx for while their events were on Kafka (issue 12). Here every request that changed
 * anything is committed (written to the file, so it survives the process; not fsync'd, so not a power
 * cut) before its reply goes out. Reads change nothing and cost nothing extra.
 * <p>
 * Its databases keep the services' non-unique indexes ({@link FieldIndex}, in memory, built when the store opens), so
 * that a query by an indexed field reads the documents it may match rather than every document (issue 16: at 100,000
 * cases the outbox relay's poll scanned for 6.8 s a second, and a case's read waited behind it).
 */
public final class DurableH2Backend extends H2Backend {

    private DurableH2Backend(String file) {
        super(file);
    }

    /** The stack's store: this backend on {@code file}, speaking the MongoDB 5.0 the services' drivers need. */
    public static DurableH2Backend open(Path file) {
        DurableH2Backend backend = new DurableH2Backend(file.toString());
        // the default (3.6) is refused by the 5.x drivers the services use
        backend.version(ServerVersion.MONGO_5_0);
        return backend;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /** Every request of the drivers the services use (OP_MSG, MongoDB 3.6+) comes through here. */
    @Override
    public Document handleMessage(MongoMessage message) {
        Document reply = super.handleMessage(message);
        commitChanges();
        return reply;
    }

    private void commitChanges() {
        if (getMvStore().hasUnsavedChanges()) {
            commit();
        }
    }
}
