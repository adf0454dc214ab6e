package org.consilium.bpmn.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 17 for the engine tests, without Docker (issue 17): one server per test JVM, started at first
 * use from the binaries in a Maven jar (zonky), and a database of its own for each Spring context that asks. A
 * throw-away server, so zonky's test defaults stay (no fsync); the stack's own server is the durable one.
 */
public final class TestPostgres {

    /** Before surefire's 30 s for a JVM's exit run out. */
    private static final Duration FALLBACK_AFTER = Duration.ofSeconds(20);
    private static final CountDownLatch CLOSED = new CountDownLatch(1);

    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** A new, empty database as the engine's: for a test class's {@code @DynamicPropertySource}. */
    public static String useNewDatabase(DynamicPropertyRegistry registry) {
        String database = newDatabase();
        registry.add("spring.datasource.url", () -> server().getJdbcUrl("postgres", database));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        return database;
    }

    public static synchronized String newDatabase() {
        String database = "bpmn_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection db = server().getPostgresDatabase().getConnection(); Statement sql = db.createStatement()) {
            sql.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a database on the test PostgreSQL", e);
        }
        return database;
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // zonky's own shutdown hook would stop the server while the contexts still close (hooks run at
                // once): their scheduled tasks then wait 30 s for a connection. Boot's shutdown handlers run after
                // every context has closed. But surefire halts a test JVM whose exit takes over 30 s (the embedded
                // Kafka's listeners can), and a halt runs no handler: a hook of our own then stops the server first,
                // or it would outlive the JVM.
                EmbeddedPostgres started = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
                SpringApplication.getShutdownHandlers().add(() -> close(started));
                Thread fallback = new Thread(() -> {
                    if (!awaitClosed()) {
                        close(started);
                    }
                }, "test-postgres-stop");
                Runtime.getRuntime().addShutdownHook(fallback);
                server = started;
            } catch (IOException e) {
                throw new UncheckedIOException("the test PostgreSQL did not start", e);
            }
        }
        return server;
    }

    private static void close(EmbeddedPostgres started) {
        try {
            started.close(); // once: zonky ignores a second close
        } catch (IOException e) {
            throw new UncheckedIOException("the test PostgreSQL did not stop", e);
        } finally {
            CLOSED.countDown();
        }
    }

    private static boolean awaitClosed() {
        try {
            return CLOSED.await(FALLBACK_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
