package org.consilium.stack.services;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

import org.consilium.stack.engine.EnginePostgres;

/**
 * Stands in for the engine: opens its database as the stack gives it to bpmn, commits one row per transaction and
 * says so after each commit, until it is killed. {@code h2 <data-dir>}: the H2 file; {@code postgres <data-dir>
 * <port>}: first starts the stack's PostgreSQL as the launcher does, so that killing this JVM leaves the server
 * running, as kill -9 of the stack's own process does.
 */
public final class EngineDatabaseProcess {
    static final String SUPERUSER_PASSWORD = "test-superuser-secret";
    static final String ENGINE_PASSWORD = "test-engine-secret";

    private EngineDatabaseProcess() {
    }

    static EnginePostgres postgres(Path dataDir, int port) {
        return new EnginePostgres(new EnginePostgres.Settings(dataDir.resolve("engine-postgres"),
                dataDir.resolve("logs").resolve("engine-postgres.log"), port, SUPERUSER_PASSWORD, ENGINE_PASSWORD));
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[1]);
        Connection db;
        if (args[0].equals("postgres")) {
            EnginePostgres server = postgres(dataDir, Integer.parseInt(args[2]));
            server.start();
            db = DriverManager.getConnection(server.jdbcUrl(), EnginePostgres.USER, ENGINE_PASSWORD);
        } else {
            db = DriverManager.getConnection(ServiceEnvironment.engineDatabaseUrl(dataDir), "sa", "");
        }
        try (db) {
            db.createStatement().execute("CREATE TABLE ACT_RU_TASK (ID_ VARCHAR(64) PRIMARY KEY)");
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO ACT_RU_TASK VALUES (?)")) {
                for (int i = 0; ; i++) {
                    insert.setString(1, "task-" + i);
                    insert.executeUpdate(); // auto-commit: one transaction per row, as the engine's commands are
                    System.out.println("COMMITTED " + i);
                    System.out.flush();
                }
            }
        }
    }
}
