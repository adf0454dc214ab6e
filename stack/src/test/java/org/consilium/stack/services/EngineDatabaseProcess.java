package org.consilium.stack.services;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * Stands in for the engine: opens its database with the URL the stack gives bpmn, commits one row per transaction
 * and says so after each commit, until it is killed.
 */
public final class EngineDatabaseProcess {
    private EngineDatabaseProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection(ServiceEnvironment.engineDatabaseUrl(Path.of(args[0])), "sa", "")) {
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
