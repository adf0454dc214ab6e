package org.consilium.stack.mongo;

import de.bwaldvogel.mongo.MongoServer;
import org.consilium.store.embedded.DurableH2Backend;

import java.nio.file.Path;

/** The stack's store alone in a JVM of its own, so that a test can kill it -9 mid-write. */
public final class StoreProcess {
    private StoreProcess() {
    }

    public static void main(String[] args) throws Exception {
        MongoServer server = new MongoServer(DurableH2Backend.open(Path.of(args[0])));
        server.bind("127.0.0.1", Integer.parseInt(args[1]));
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }
}
