package org.consilium.support.testing;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.consilium.support.store.FailFastStoreSelection;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real MongoDB-wire server that a test can take away and bring back on the same port, for what a service does
 * while its store is unreachable. In memory: what was stored before the outage is gone after it (the tests
 * here are about the service's answers, not the store's durability).
 */
public final class RestartableStore implements AutoCloseable {
    /** The commands that touch data; the handshake, pings and session ends keep working while it fails inside. */
    private static final Set<String> DATA_COMMANDS = Set.of("insert", "update", "delete", "find", "findAndModify",
            "aggregate", "count");

    private MongoServer server;
    private final int port;
    private final AtomicBoolean failingInside = new AtomicBoolean();

    public RestartableStore() {
        server = new MongoServer(backend());
        port = server.bind().getPort();
    }

    /**
     * While on, the server stays reachable but every data command fails inside its backend with an exception that
     * has no message: the server answers "Unknown error: null" without an error code, as the embedded store did
     * under load in the fault suite.
     */
    public void failInside(boolean on) {
        failingInside.set(on);
    }

    private MemoryBackend backend() {
        MemoryBackend backend = new MemoryBackend() {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                if (failingInside.get() && DATA_COMMANDS.contains(command)) {
                    throw new IllegalStateException();
                }
                return super.handleCommand(channel, database, command, query);
            }
        };
        backend.version(ServerVersion.MONGO_5_0);
        return backend;
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
        server = new MongoServer(backend());
        server.bind("127.0.0.1", port);
    }

    @Override
    public synchronized void close() {
        server.shutdownNow();
    }
}
