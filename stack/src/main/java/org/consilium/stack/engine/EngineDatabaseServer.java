package org.consilium.stack.engine;

import java.io.IOException;
import java.nio.file.Path;

import org.consilium.stack.StackProperties;
import org.consilium.stack.services.StackSecrets;
import org.springframework.stereotype.Component;

/** The engine's database server as the stack runs it: PostgreSQL by default, nothing to run for H2 (a file). */
@Component
public class EngineDatabaseServer {

    private final StackProperties properties;
    private EnginePostgres postgres;

    public EngineDatabaseServer(StackProperties properties) {
        this.properties = properties;
    }

    public boolean runsPostgres() {
        return properties.engineDatabase() == EngineDatabase.POSTGRES;
    }

    public Path postgresDirectory() {
        return properties.dataPath().resolve("engine-postgres");
    }

    /**
     * Whatever database the stack is asked for now, a server a killed launcher left on the data dir is stopped: it
     * would hold the port, and nobody would ever stop it.
     */
    public synchronized void stopLeftover() throws IOException {
        postgres().stopLeftover();
    }

    public synchronized void start() throws IOException {
        postgres().start();
    }

    public synchronized void stop() throws IOException {
        if (postgres != null) {
            postgres.stop();
        }
    }

    /** Made at first use, not at construction: its secrets are files under the data dir, only touched under its lock. */
    private EnginePostgres postgres() {
        if (postgres == null) {
            StackSecrets secrets = StackSecrets.under(properties.dataPath());
            postgres = new EnginePostgres(new EnginePostgres.Settings(postgresDirectory(),
                    properties.dataPath().resolve("logs").resolve("engine-postgres.log"),
                    properties.ports().enginePostgres(), secrets.get(StackSecrets.ENGINE_DB_SUPERUSER_PASSWORD),
                    secrets.get(StackSecrets.ENGINE_DB_PASSWORD)));
        }
        return postgres;
    }
}
