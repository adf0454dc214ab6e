package org.consilium.stack.engine;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import org.consilium.stack.StackStartupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stack's PostgreSQL: logins need the password, and a server that cannot start is reported at once, with why. */
class EnginePostgresTest {

    @TempDir
    Path dataDir;

    @Test
    void onlyTheEngineRoleWithItsPasswordGetsIn() throws Exception {
        EnginePostgres postgres = postgres();
        postgres.start();
        try {
            DriverManager.getConnection(postgres.jdbcUrl(), EnginePostgres.USER, "engine-secret").close();
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), EnginePostgres.USER, "guess"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), "postgres", ""))
                    .as("no trust left from initdb").isInstanceOf(SQLException.class);
        } finally {
            postgres.stop();
        }
        assertThat(dataDir.resolve("engine-postgres.init")).as("the first start's work dir, moved into place")
                .doesNotExist();
    }

    @Test
    void aServerThatCannotStartIsReportedInSecondsWithTheEndOfItsLog() throws Exception {
        EnginePostgres postgres = postgres();
        postgres.start();
        postgres.stop();
        Files.writeString(dataDir.resolve("engine-postgres").resolve("postgresql.conf"), "\nshared_buffers = 'plenty'\n",
                StandardOpenOption.APPEND);

        long started = System.nanoTime();
        assertThatThrownBy(postgres::start).isInstanceOf(StackStartupException.class)
                .hasMessageContaining("did not start")
                .hasMessageContaining("shared_buffers") // the server's own words, from its log
                .satisfies(failure -> assertThat(((StackStartupException) failure).action())
                        .contains(dataDir.resolve("logs").resolve("engine-postgres.log").toString()));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not zonky's whole start-up wait")
                .isLessThan(Duration.ofSeconds(30));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    private EnginePostgres postgres() throws IOException {
        return new EnginePostgres(new EnginePostgres.Settings(dataDir.resolve("engine-postgres"),
                dataDir.resolve("logs").resolve("engine-postgres.log"), freePort(), "superuser-secret", "engine-secret"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
