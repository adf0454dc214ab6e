package org.consilium.stack.mongo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import org.consilium.stack.StackProperties;
import org.consilium.store.embedded.DurableH2Backend;
import org.springframework.stereotype.Component;

/**
 * MongoDB's wire protocol from mongo-java-server, stored in one H2 MVStore file under the data dir, every
 * acknowledged write on file before its answer ({@link DurableH2Backend}). Each service gets its own database
 * on it. No multi-document transactions: the services keep an outbox per document.
 */
@Component
public class MongoStore {

    private final StackProperties properties;
    private final Path file;
    private MongoServer server;

    public MongoStore(StackProperties properties) {
        this.properties = properties;
        this.file = properties.dataPath().resolve("mongo").resolve("consilium.mv");
    }

    public synchronized void start() throws IOException {
        Files.createDirectories(file.getParent());
        server = new MongoServer(DurableH2Backend.open(file));
        // change streams read the oplog
        server.enableOplog();
        server.bind("127.0.0.1", properties.ports().mongo());
    }

    public String connectionString() {
        return "mongodb://localhost:" + properties.ports().mongo();
    }

    public Path file() {
        return file;
    }

    /** Closes the backend too, which commits and closes the MVStore file. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }
}
