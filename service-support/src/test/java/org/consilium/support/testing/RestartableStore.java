package org.consilium.support.testing;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.consilium.support.store.FailFastStoreSelection;

import java.time.Duration;

/**
 * A real MongoDB-wire server that a test can take away and bring back on the same port, for what a service does
 * while its store is unreachable. In memory: what was stored before the outage is gone after it (the tests
 * here are about the service's answers, not the store's durability).
 */
public final class RestartableStore implements AutoCloseable {
    private MongoServer server;
    private final int port;

    public RestartableStore() {
        server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        port = server.bind().getPort();
    }

    /** A client as the services build it: failing fast (here after 1 s) while no server can be reached. */
    public MongoClient client() {
        MongoClientSettings.Builder settings = MongoClientSettings.builder();
        new FailFastStoreSelection(Duration.ofSeconds(1)).customize(settings);
        settings.applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port));
        return MongoClients.create(settings.build());
    }

    public synchronized void stop() {
        server.shutdownNow();
    }

    public synchronized void start() {
        server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        server.bind("127.0.0.1", port);
    }

    @Override
    public synchronized void close() {
        server.shutdownNow();
    }
}
