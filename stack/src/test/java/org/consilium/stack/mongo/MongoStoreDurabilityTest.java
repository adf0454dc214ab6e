package org.consilium.stack.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.consilium.store.embedded.DurableH2Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: a write the store acknowledged survives kill -9 of the process that hosts it. The
 * MVStore alone commits about once a second, so the last second of acknowledged writes was lost.
 */
class MongoStoreDurabilityTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesKillMinusNineOfTheStore() throws Exception {
        Path file = dir.resolve("consilium.mv");
        int port = freePort();
        Process store = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                StoreProcess.class.getName(), file.toString(), String.valueOf(port)).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(store.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null && !line.equals("READY"); line = out.readLine()) {
                // start-up noise
            }
            int acknowledged = 0;
            long started = System.nanoTime();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                MongoCollection<Document> cases = client.getDatabase("consilium").getCollection("cases");
                for (int i = 0; i < 300; i++) {
                    cases.insertOne(new Document("_id", "case-" + i).append("stage", "SUBMITTED"));
                    acknowledged++;
                }
                cases.updateOne(new Document("_id", "case-0"), new Document("$set", new Document("stage", "WITHDRAWN")));
            }
            System.out.printf("%d acknowledged single-document writes in %d ms, each committed to the file%n",
                    acknowledged + 1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            store.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // kill -9 right after the last answer
        } finally {
            store.destroyForcibly();
        }

        MongoServer reopened = new MongoServer(DurableH2Backend.open(file));
        int again = freePort();
        reopened.bind("127.0.0.1", again);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + again)) {
            MongoCollection<Document> cases = client.getDatabase("consilium").getCollection("cases");
            assertThat(cases.countDocuments()).isEqualTo(300);
            assertThat(cases.find(new Document("_id", "case-0")).first().getString("stage")).isEqualTo("WITHDRAWN");
            assertThat(cases.find(new Document("_id", "case-299")).first()).isNotNull();
        } finally {
            reopened.shutdown();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
