package org.consilium.bpmn;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.consilium.bpmn.inbox.InboxEntry;
import org.consilium.bpmn.inbox.InboxStatus;
import org.consilium.bpmn.support.Cases;
import org.consilium.bpmn.support.ProcessTestSupport;
import org.consilium.events.CaseMessage;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.events.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The inbox: nothing dropped, nothing applied twice, early events kept, bad records dead-lettered, a row claimed by
 * one node only, failures counted. On H2 here, on PostgreSQL in {@link PostgresInboxTest}.
 */
class InboxTest extends ProcessTestSupport {
    @Autowired
    MeterRegistry meters;
    @Autowired
    MockMvc mvc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    DataSource dataSource;

    /** How long the first of two competing nodes holds its claimed row before it commits. */
    private static final Duration CLAIM_HELD = Duration.ofMillis(800);

    /** Where each applied event type is waited for, and a payload of it. */
    private static final Map<MessageType, String> WAIT_STATE = Map.of(MessageType.CASE_WITHDRAWN, "ReviewIntake",
            MessageType.RECORDS_COMPLETED, "AwaitRecords", MessageType.MDT_SCHEDULED, "AwaitMdtScheduled",
            MessageType.MDT_CONCLUDED, "AwaitMdtConcluded", MessageType.REPORT_DELIVERED, "AwaitReportDelivered");

    @ParameterizedTest
    @EnumSource(value = MessageType.class, names = {"CASE_SUBMITTED", "CASE_WITHDRAWN", "RECORDS_COMPLETED",
            "MDT_SCHEDULED", "MDT_CONCLUDED", "REPORT_DELIVERED"})
    void redeliveredEventIsAppliedOnce(MessageType type) {
        ProcessInstance instance = type == MessageType.CASE_SUBMITTED ? null : driveTo(WAIT_STATE.get(type));
        String caseId = instance == null ? newCaseId("redelivered") : instance.getBusinessKey();
        Envelope envelope = Envelope.of(payload(type, caseId), UUID.randomUUID().toString(), TEST_SOURCE, Instant.now());

        events.publish(envelope);
        RecordMetadata redelivery = events.publish(envelope).get(0);
        events.awaitConsumed(redelivery);
        awaitInboxStatus(envelope.id(), InboxStatus.APPLIED);

        assertThat(inboxOf(caseId)).filteredOn(e -> e.envelopeId().equals(envelope.id())).hasSize(1);
        assertThat(inboxOf(caseId)).extracting(InboxEntry::status).containsOnly(InboxStatus.APPLIED);
        if (instance == null) {
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId).count()).isOne();
        } else {
            String applied = type == MessageType.CASE_WITHDRAWN ? "CaseWithdrawn" : WAIT_STATE.get(type);
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                    .activityId(applied).count()).isOne();
        }
    }

    @Test
    void secondSubmissionOfTheSameCaseIsDiscarded() {
        ProcessInstance instance = submit(Cases.breastRoutine(newCaseId("twice")));
        Envelope again = publish(Cases.breastRoutine(instance.getBusinessKey()));
        awaitInboxStatus(again.id(), InboxStatus.DISCARDED);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey()).count())
                .isOne();
    }

    @Test
    void earlyEventIsKeptAndAppliedWhenTheProcessGetsThere() {
        ProcessInstance instance = submit(Cases.breastRoutine(newCaseId("early")));
        Envelope early = publish(Cases.recordsCompleted(instance.getBusinessKey()));
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.find(early.id())
                .filter(e -> e.status() == InboxStatus.PENDING && e.attempts() >= 2).isPresent());
        assertThat(instance).isWaitingAt("ReviewIntake");

        submitForm(instance, "ReviewIntake", Map.of("accepted", true));
        runJob(instance, "PublishCaseAccepted");
        runJob(instance, "RequestRecords");

        awaitWaitingAt(instance, "VerifyDossier");
        assertThat(instance).hasPassed("AwaitRecords");
        awaitInboxStatus(early.id(), InboxStatus.APPLIED);
    }

    @Test
    void eventBeforeTheCaseStartedWaitsForTheCase() {
        String caseId = newCaseId("before-start");
        Envelope early = publish(Cases.recordsCompleted(caseId));
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.find(early.id())
                .filter(e -> e.attempts() >= 1).isPresent());

        ProcessInstance instance = submit(Cases.breastRoutine(caseId));
        submitForm(instance, "ReviewIntake", Map.of("accepted", true));
        runJob(instance, "PublishCaseAccepted");
        runJob(instance, "RequestRecords");
        awaitWaitingAt(instance, "VerifyDossier");
        awaitInboxStatus(early.id(), InboxStatus.APPLIED);
    }

    @Test
    void eventsOfACaseApplyInArrivalOrderButWithdrawalDoesNotWait() {
        String caseId = newCaseId("order");
        Instant now = Instant.now();
        Envelope first = envelope(Cases.recordsCompleted(caseId));
        Envelope second = envelope(Cases.mdtScheduled(caseId));
        Envelope withdrawal = envelope(Cases.withdrawn(caseId));
        for (Envelope e : List.of(first, second, withdrawal)) {
            inbox.add(e, now, now.plus(Duration.ofDays(1)));
        }
        List<String> due = inbox.due(now.plus(Duration.ofHours(1)), 10_000).stream()
                .filter(e -> e.caseId().equals(caseId)).map(InboxEntry::envelopeId).toList();
        assertThat(due).containsExactly(first.id(), withdrawal.id());
    }

    @Test
    void eventStillPendingAfterTheExpiryIsExpiredCountedAndCanBeReplayed() throws Exception {
        double expiredBefore = meters.counter("consilium.inbox.expired").count();
        Envelope stale = envelope(Cases.recordsCompleted(newCaseId("stale")));
        inbox.add(stale, Instant.now(), Instant.now().minusSeconds(1));

        awaitInboxStatus(stale.id(), InboxStatus.EXPIRED);
        assertThat(meters.counter("consilium.inbox.expired").count()).isGreaterThan(expiredBefore);
        mvc.perform(get("/api/inbox").param("status", "EXPIRED")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.envelopeId == '" + stale.id() + "')].type").value("RecordsCompleted"));

        mvc.perform(post("/api/inbox/{id}/replay", stale.id())).andExpect(status().isAccepted());
        assertThat(inbox.find(stale.id()).orElseThrow().status()).isEqualTo(InboxStatus.PENDING);
        mvc.perform(post("/api/inbox/{id}/replay", stale.id())).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://consilium.org/problems/inbox-event-not-replayable"));
        mvc.perform(post("/api/inbox/{id}/replay", "no-such-event")).andExpect(status().isNotFound());
    }

    @Test
    void unreadableRecordGoesToTheDeadLetterTopicWithoutBlockingThePartition() {
        String caseId = newCaseId("garbage");
        events.send(new ProducerRecord<>(Topics.CASE_EVENTS, caseId, "{not a cloud event".getBytes(StandardCharsets.UTF_8)));
        ProcessInstance instance = submit(Cases.breastRoutine(caseId));

        await().atMost(Duration.ofSeconds(20)).until(() -> !commands.onTopic(CASE_EVENTS_DLT, caseId).isEmpty());
        ConsumerRecord<String, byte[]> dead = commands.onTopic(CASE_EVENTS_DLT, caseId).get(0);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not a cloud event");
        assertThat(dead.headers().lastHeader("x-exception-message")).isNotNull();
        assertThat(meters.counter("consilium.inbox.dead.letters", "topic", Topics.CASE_EVENTS).count()).isPositive();
        assertThat(instance).isWaitingAt("ReviewIntake");
    }

    @Test
    void aPendingRowIsClaimedByOneNodeOnly() throws Exception {
        // due only in an hour: this node's own correlator leaves it alone while two "nodes" compete for it
        Instant later = Instant.now().plus(Duration.ofHours(1));
        Envelope event = envelope(Cases.recordsCompleted(newCaseId("claimed")));
        inbox.add(event, later, later.plus(Duration.ofDays(1)));
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> transaction.execute(tx -> {
            boolean claimed = inbox.claim(event.id(), Instant.now());
            firstClaimed.countDown();
            pause(CLAIM_HELD); // the first node's correlation runs; the second node's claim skips the row meanwhile
            return claimed;
        }));
        assertThat(firstClaimed.await(10, TimeUnit.SECONDS)).isTrue();
        Boolean second = transaction.execute(tx -> inbox.claim(event.id(), Instant.now()));
        boolean firstStillRunning = !first.isDone();

        assertThat(second).as("the second node's claim of a row the first holds").isFalse();
        assertThat(firstStillRunning).as("the second node did not wait for the first's transaction").isTrue();
        assertThat(first.get(10, TimeUnit.SECONDS)).as("the first node's claim").isTrue();
        assertThat(inbox.find(event.id()).orElseThrow().status()).isEqualTo(InboxStatus.APPLIED);
        Boolean again = transaction.execute(tx -> inbox.claim(event.id(), Instant.now()));
        assertThat(again).as("claimed again once applied").isFalse();
    }

    @Test
    void failuresAreCountedAndADeadRowIsReplayedWithAFreshCount() {
        Instant later = Instant.now().plus(Duration.ofHours(1));
        Envelope event = envelope(Cases.mdtConcluded(newCaseId("failing")));
        inbox.add(event, later, later.plus(Duration.ofDays(1)));
        for (int i = 0; i < 3; i++) {
            inbox.retryLater(event.id(), later, "engine said no " + i, true);
        }
        inbox.retryLater(event.id(), later, "no execution waits yet", false); // waiting is no failure

        InboxEntry failing = inbox.find(event.id()).orElseThrow();
        assertThat(failing.failures()).isEqualTo(3);
        assertThat(failing.attempts()).isEqualTo(4);
        assertThat(failing.lastError()).isEqualTo("no execution waits yet");

        inbox.finish(event.id(), InboxStatus.DEAD, Instant.now(), "x".repeat(5000));
        assertThat(inbox.list(InboxStatus.DEAD, 10_000)).extracting(InboxEntry::envelopeId).contains(event.id());
        assertThat(inbox.find(event.id()).orElseThrow().lastError()).as("kept, cut to the column").hasSize(2000);
        assertThat(inbox.replay(event.id(), later, later.plus(Duration.ofDays(1)))).isTrue();
        InboxEntry replayed = inbox.find(event.id()).orElseThrow();
        assertThat(replayed.status()).isEqualTo(InboxStatus.PENDING);
        assertThat(replayed.failures()).isZero();
        assertThat(replayed.finishedAt()).isNull();
        assertThat(inbox.replay(event.id(), later, later)).as("only an expired or dead row is replayed").isFalse();
    }

    @Test
    void aRowThatCannotBeReadBackIsDeadAndShownToOps() throws Exception {
        // e.g. written by a version that stored another payload shape: the correlator can never apply it
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        new JdbcTemplate(dataSource).update("INSERT INTO consilium_inbox (envelope_id, case_id, message_type, source, "
                + "event_time, payload, received_at, status, attempts, failures, next_attempt_at, expires_at) "
                + "VALUES (?, ?, 'RECORDS_COMPLETED', ?, ?, '{not json', ?, 'PENDING', 0, 0, ?, ?)", id,
                newCaseId("unreadable"), TEST_SOURCE, now, now, now, now.plusDays(1));

        awaitInboxStatus(id, InboxStatus.DEAD);
        assertThat(inbox.find(id).orElseThrow().lastError()).startsWith("unreadable");
        mvc.perform(get("/api/inbox").param("status", "DEAD")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.envelopeId == '" + id + "')].type").value("RecordsCompleted"));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Envelope envelope(CaseMessage payload) {
        return Envelope.of(payload, UUID.randomUUID().toString(), TEST_SOURCE, Instant.now());
    }

    private static CaseMessage payload(MessageType type, String caseId) {
        return switch (type) {
            case CASE_SUBMITTED -> Cases.breastRoutine(caseId);
            case CASE_WITHDRAWN -> Cases.withdrawn(caseId);
            case RECORDS_COMPLETED -> Cases.recordsCompleted(caseId);
            case MDT_SCHEDULED -> Cases.mdtScheduled(caseId);
            case MDT_CONCLUDED -> Cases.mdtConcluded(caseId);
            case REPORT_DELIVERED -> Cases.reportDelivered(caseId);
            default -> throw new IllegalArgumentException(type.name());
        };
    }
}
