package org.consilium.bpmn;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.consilium.bpmn.inbox.CaseCorrelation;
import org.consilium.bpmn.inbox.InboxStatus;
import org.consilium.bpmn.inbox.InboxStore;
import org.consilium.bpmn.support.Cases;
import org.consilium.bpmn.support.TestPostgres;
import org.consilium.events.Envelope;
import org.consilium.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine on a real PostgreSQL 17 (embedded, no Docker) set up as in production (bpmn/README.md "The engine's
 * database"): Camunda's tables made beforehand from Camunda's own SQL scripts, the engine's schema update off, our
 * tables from the Flyway migrations; then an event stored in the inbox and applied.
 */
@SpringBootTest(properties = "camunda.bpm.database.schema-update=false")
@ActiveProfiles("test")
@EmbeddedKafka(kraft = true, partitions = 3, topics = {Topics.CASE_EVENTS, Topics.RECORDS_EVENTS, Topics.MDT_EVENTS,
        Topics.NOTIFICATION_EVENTS})
class PostgresEngineSmokeTest {
    /** Camunda's create scripts in the order its own schema creation runs them (engine jar, db/create). */
    static final List<String> CAMUNDA_SCHEMA = List.of("engine", "history", "identity", "case.engine", "case.history",
            "decision.engine", "decision.history");

    @DynamicPropertySource
    static void engineDatabase(DynamicPropertyRegistry registry) {
        String database = TestPostgres.useNewDatabase(registry);
        ResourceDatabasePopulator camundaSchema = new ResourceDatabasePopulator();
        CAMUNDA_SCHEMA.forEach(part -> camundaSchema.addScript(
                new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql")));
        camundaSchema.execute(TestPostgres.server().getDatabase("postgres", database));
    }

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    InboxStore inbox;
    @Autowired
    DataSource dataSource;

    @Test
    void engineStartsOnPostgresAndAppliesAStoredEvent() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL 17");
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank",
                String.class)).as("our tables from the migrations, Camunda's there before: baselined at 0").contains("1");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(CaseCorrelation.PROCESS_KEY).count())
                .isOne();
        String caseId = "pg-" + UUID.randomUUID();
        Envelope submitted = Envelope.of(Cases.lungUrgent(caseId), UUID.randomUUID().toString(), "/consilium/test",
                Instant.now());
        assertThat(inbox.add(submitted, Instant.now(), Instant.now().plus(Duration.ofDays(7)))).isTrue();
        assertThat(inbox.add(submitted, Instant.now(), Instant.now().plus(Duration.ofDays(7)))).isFalse();

        await().atMost(Duration.ofSeconds(30)).until(() ->
                inbox.find(submitted.id()).orElseThrow().status() == InboxStatus.APPLIED);
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult();
        assertThat(runtime.getVariable(instance.getId(), "urgency")).isEqualTo("URGENT");
    }
}
