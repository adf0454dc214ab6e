package org.consilium.bpmn.lease;

import org.consilium.bpmn.support.TestPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two engine nodes on one database (issue 17), on H2 and on PostgreSQL 17 with the tables of the real migrations:
 * one holds a lease at a time, a lease that ran out or was given up goes to the other, the holder keeps it while it
 * renews.
 */
class NodeLeasesTest {
    private static final Duration TERM = Duration.ofSeconds(1);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void oneNodeHoldsALeaseAtATime(String database) throws InterruptedException {
        JdbcTemplate jdbc = migrated(database);
        NodeLeases first = new NodeLeases(jdbc);
        NodeLeases second = new NodeLeases(jdbc);

        assertThat(first.holds("relay", TERM)).isTrue();
        assertThat(second.holds("relay", TERM)).isFalse();
        assertThat(first.holder("relay")).contains(first.node());
        assertThat(second.holds("another", TERM)).as("leases are by name").isTrue();

        // the holder keeps renewing past half its term: still its own after three terms
        for (int i = 0; i < 12; i++) {
            Thread.sleep(TERM.toMillis() / 4);
            assertThat(first.holds("relay", TERM)).isTrue();
            assertThat(second.holds("relay", TERM)).isFalse();
        }

        first.release("relay");
        assertThat(second.holds("relay", TERM)).as("given up: taken at once").isTrue();
        assertThat(first.holds("relay", TERM)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aLeaseWhoseHolderStoppedRenewingGoesToAnotherNodeAfterItsTerm(String database) {
        JdbcTemplate jdbc = migrated(database);
        NodeLeases dies = new NodeLeases(jdbc);
        NodeLeases survives = new NodeLeases(jdbc);
        assertThat(dies.holds("relay", TERM)).isTrue();

        assertThat(survives.holds("relay", TERM)).isFalse();

        // the database's clock, in whole seconds: taken once the dead holder's term has run out
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> survives.holds("relay", TERM));
        assertThat(survives.holder("relay")).contains(survives.node());
    }

    private static JdbcTemplate migrated(String database) {
        DataSource dataSource;
        if (database.equals("h2")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:leases-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            dataSource = h2;
        } else {
            dataSource = TestPostgres.server().getDatabase("postgres", TestPostgres.newDatabase());
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new JdbcTemplate(dataSource);
    }
}
