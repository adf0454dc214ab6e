package org.consilium.stack.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which database the stack gives the engine ({@code consilium.stack.engine-database}). PostgreSQL is the default
 * because it is what production runs (ADR 25); H2 only when asked for, or for a data dir whose engine already lives
 * in an H2 file: its cases continue there instead of meeting an empty engine.
 */
public enum EngineDatabase {
    POSTGRES,
    H2;

    /** The engine's file in a data dir made before PostgreSQL became the default. */
    public static Path h2File(Path dataDir) {
        return dataDir.resolve("engine").resolve("consilium.mv.db");
    }

    public static EngineDatabase defaultFor(Path dataDir) {
        boolean h2Only = Files.exists(h2File(dataDir)) && !Files.exists(dataDir.resolve("engine-postgres"));
        return h2Only ? H2 : POSTGRES;
    }
}
