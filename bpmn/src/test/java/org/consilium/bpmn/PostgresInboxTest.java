package org.consilium.bpmn;

import org.consilium.bpmn.support.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every inbox test (redelivery, early events, per-case order, expiry and replay, claiming by one node, failures and
 * dead rows) again on PostgreSQL 17, where production runs it: locking and types differ from H2's.
 */
class PostgresInboxTest extends InboxTest {

    @DynamicPropertySource
    static void engineDatabase(DynamicPropertyRegistry registry) {
        TestPostgres.useNewDatabase(registry);
    }
}
