package org.consilium.stack.engine;

/**
 * Which database the stack gives the engine ({@code consilium.stack.engine-database}). PostgreSQL is the default
 * because it is what production runs (ADR 21); H2 only when asked for, e.g. to compare or where PostgreSQL's
 * binaries cannot run.
 */
public enum EngineDatabase {
    POSTGRES,
    H2
}
