package org.consilium.records;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * mongo-java-server on the H2 backend (data in a file) in a process of its own, for
 * {@link LargeResumableUploadMeasurement}: the store's own memory (MVStore buffers unsaved pages in
 * its heap) must not be counted as the service's. Writes its port to the file {@code args[1]}, then serves until stdin closes.
 */
public final class H2MongoMain {
    private H2MongoMain() {
    }

    public static void main(String[] args) throws Exception {
        MongoServer server = new MongoServer(new H2Backend(args[0]).version(ServerVersion.MONGO_5_0));
        server.bind("127.0.0.1", 0);
        java.nio.file.Path portFile = java.nio.file.Path.of(args[1]);
        java.nio.file.Path partial = java.nio.file.Path.of(args[1] + ".tmp");
        java.nio.file.Files.writeString(partial, String.valueOf(server.getLocalAddress().getPort()));
        java.nio.file.Files.move(partial, portFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        while (System.in.read() >= 0) {
            // serve until the parent closes our stdin (or dies)
        }
        server.shutdownNow();
        System.exit(0);
    }
}
