package org.consilium.stack.services;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: what the engine committed survives kill -9 of bpmn. With H2's default write delay the last second of
 * commits was lost (a task the coordinator had completed, 204, was open again after the restart).
 */
class EngineDatabaseDurabilityTest {

    @TempDir
    Path dataDir;

    @Test
    void everyCommitOfTheEngineSurvivesKillMinusNine() throws Exception {
        Process engine = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EngineDatabaseProcess.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        int lastCommitted = -1;
        long started = System.nanoTime();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && lastCommitted < 500; line = out.readLine()) {
                if (line.startsWith("COMMITTED ")) {
                    lastCommitted = Integer.parseInt(line.substring("COMMITTED ".length()));
                }
            }
            engine.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // kill -9 right after a commit was reported
        } finally {
            engine.destroyForcibly();
        }
        System.out.printf("%d commits reported in %d ms before kill -9%n", lastCommitted + 1,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

        try (Connection db = DriverManager.getConnection(ServiceEnvironment.engineDatabaseUrl(dataDir), "sa", "");
             ResultSet count = db.createStatement().executeQuery("SELECT COUNT(*) FROM ACT_RU_TASK")) {
            count.next();
            assertThat(count.getInt(1)).as("rows committed and reported before the kill").isGreaterThan(lastCommitted);
        }
    }
}
