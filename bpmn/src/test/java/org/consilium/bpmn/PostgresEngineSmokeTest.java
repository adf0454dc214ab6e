package org.consilium.bpmn;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.consilium.bpmn.inbox.CaseCorrelation;
import org.consilium.bpmn.inbox.InboxStatus;
import org.consilium.bpmn.inbox.InboxStore;
import org.consilium.bpmn.support.Cases;
import org.consilium.events.Envelope;
import org.consilium.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine, its schema and the inbox table on a real PostgreSQL. Runs where Docker is available;
 * JUnit reports it as skipped (disabled) where it is not.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest
@ActiveProfiles("test")
@EmbeddedKafka(kraft = true, partitions = 3, topics = {Topics.CASE_EVENTS, Topics.RECORDS_EVENTS, Topics.MDT_EVENTS,
        Topics.NOTIFICATION_EVENTS})
class PostgresEngineSmokeTest {
    @Container
    static final PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:16-alpine");

    @DynamicPropertySource
    static void engineDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", postgres::getJdbcUrl);
        registry.add("spring.datasource.username", postgres::getUsername);
        registry.add("spring.datasource.password", postgres::getPassword);
    }

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    InboxStore inbox;

    @Test
    void engineStartsOnPostgresAndAppliesAStoredEvent() {
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
