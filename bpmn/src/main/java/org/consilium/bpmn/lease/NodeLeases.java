package org.consilium.bpmn.lease;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Leases in the engine's database (table {@code consilium_lease}) for work that one engine node does at a time when
 * several share the database (issue 17). Time is the database's ({@code CURRENT_TIMESTAMP}), so the nodes' own
 * clocks need not agree. A node asks before each round of the work; it renews a lease past half its term, so a round
 * mostly costs no statement, and a node that died hands the work over within one term.
 */
@Component
public class NodeLeases {
    /** This engine node: readable in the table (host and pid), unique across restarts. */
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final JdbcTemplate jdbc;
    /** When each lease this node holds must be renewed, on this node's monotonic clock. */
    private final Map<String, Long> renewAt = new ConcurrentHashMap<>();

    public NodeLeases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether this node holds the lease {@code name} now, taking it if it is free or ran out, or renewing it. */
    public boolean holds(String name, Duration term) {
        Long renew = renewAt.get(name);
        if (renew != null && System.nanoTime() - renew < 0) {
            return true;
        }
        long started = System.nanoTime();
        String until = "CURRENT_TIMESTAMP + INTERVAL '" + Math.max(1, term.toSeconds()) + "' SECOND";
        boolean held = jdbc.update("UPDATE consilium_lease SET holder = ?, held_until = " + until
                + " WHERE name = ? AND (holder = ? OR held_until < CURRENT_TIMESTAMP)", node, name, node) == 1;
        if (!held) {
            try {
                held = jdbc.update("INSERT INTO consilium_lease (name, holder, held_until) VALUES (?, ?, " + until + ")",
                        name, node) == 1;
            } catch (DuplicateKeyException heldElsewhere) {
                held = false;
            }
        }
        if (held) {
            renewAt.put(name, started + term.toNanos() / 2);
        } else {
            renewAt.remove(name);
        }
        return held;
    }

    /** Gives the lease up (a node that stops): another node takes the work over at its next round, not a term later. */
    public void release(String name) {
        renewAt.remove(name);
        jdbc.update("DELETE FROM consilium_lease WHERE name = ? AND holder = ?", name, node);
    }

    /** Who holds the lease {@code name} now, if anyone (for ops and tests). */
    public java.util.Optional<String> holder(String name) {
        return jdbc.query("SELECT holder FROM consilium_lease WHERE name = ? AND held_until >= CURRENT_TIMESTAMP",
                (rs, i) -> rs.getString(1), name).stream().findFirst();
    }

    public String node() {
        return node;
    }
}
