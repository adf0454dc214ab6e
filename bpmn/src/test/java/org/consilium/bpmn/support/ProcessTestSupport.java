package org.consilium.bpmn.support;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.consilium.bpmn.inbox.InboxEntry;
import org.consilium.bpmn.inbox.InboxStatus;
import org.consilium.bpmn.inbox.InboxStore;
import org.consilium.events.CaseMessage;
import org.consilium.events.Envelope;
import org.consilium.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * One Spring context for every process test (same annotations everywhere, so it is cached): the
 * whole application against an embedded KRaft broker and in-memory H2, the job executor off.
 * Tests drive cases the real way: events published to the topics, jobs executed explicitly,
 * commands read back from the topics.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestKafkaClients.class)
@EmbeddedKafka(kraft = true, partitions = 3, brokerProperties = "group.initial.rebalance.delay.ms=0", topics = {
        Topics.CASE_EVENTS, Topics.RECORDS_COMMANDS, Topics.RECORDS_EVENTS, Topics.MDT_COMMANDS, Topics.MDT_EVENTS,
        Topics.NOTIFICATION_COMMANDS, Topics.NOTIFICATION_EVENTS, Topics.CASE_FAILURES, Topics.TASK_EVENTS,
        ProcessTestSupport.NOTIFICATION_COMMANDS_DLT, ProcessTestSupport.CASE_EVENTS_DLT,
        ProcessTestSupport.RECORDS_EVENTS_DLT, ProcessTestSupport.MDT_EVENTS_DLT,
        ProcessTestSupport.NOTIFICATION_EVENTS_DLT, ProcessTestSupport.DEAD_LETTER_INTAKE_DLT})
public abstract class ProcessTestSupport {
    public static final String CASE_EVENTS_DLT = Topics.CASE_EVENTS + ".bpmn.dlt";
    public static final String RECORDS_EVENTS_DLT = Topics.RECORDS_EVENTS + ".bpmn.dlt";
    public static final String MDT_EVENTS_DLT = Topics.MDT_EVENTS + ".bpmn.dlt";
    public static final String NOTIFICATION_EVENTS_DLT = Topics.NOTIFICATION_EVENTS + ".bpmn.dlt";
    /** notification-service's dead-letter topic of the commands it gave up on. */
    public static final String NOTIFICATION_COMMANDS_DLT = "error." + Topics.NOTIFICATION_COMMANDS + ".notification-service";
    /** Where the engine's dead-letter intake gives up a dead letter it cannot turn into a failed step. */
    public static final String DEAD_LETTER_INTAKE_DLT = "consilium.dead-letters.bpmn.dlt";
    public static final String TEST_SOURCE = "/consilium/test";

    /** The wait states of a case in the order a case reaches them. */
    public static final List<String> WAIT_STATES = List.of("ReviewIntake", "AwaitRecords", "ChaseMissingRecords",
            "VerifyDossier", "AwaitMdtScheduled", "AwaitMdtConcluded", "AwaitReportReleased", "AwaitReportDelivered");

    @Autowired
    protected ProcessEngine engine;
    @Autowired
    protected RuntimeService runtime;
    @Autowired
    protected TaskService tasks;
    @Autowired
    protected FormService forms;
    @Autowired
    protected ManagementService management;
    @Autowired
    protected HistoryService history;
    @Autowired
    protected InboxStore inbox;
    @Autowired
    protected EventProducer events;
    @Autowired
    protected CommandTap commands;
    @Autowired
    protected FlakyKafkaTemplate commandTemplate;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    protected static String newCaseId(String kind) {
        return kind + "-" + UUID.randomUUID();
    }

    protected Envelope publish(CaseMessage payload) {
        Envelope envelope = Envelope.of(payload, UUID.randomUUID().toString(), TEST_SOURCE, Instant.now());
        events.publish(envelope);
        return envelope;
    }

    protected ProcessInstance submit(CaseMessage caseSubmitted) {
        publish(caseSubmitted);
        ProcessInstance instance = awaitInstance(caseSubmitted.caseId());
        awaitWaitingAt(instance, "ReviewIntake");
        return instance;
    }

    protected ProcessInstance awaitInstance(String caseId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> instance(caseId).isPresent());
        return instance(caseId).orElseThrow();
    }

    protected Optional<ProcessInstance> instance(String caseId) {
        return Optional.ofNullable(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult());
    }

    /** Waits (on this thread, as the assertions need the engine) until the instance waits at the activity. */
    protected void awaitWaitingAt(ProcessInstance instance, String activityId) {
        await().atMost(Duration.ofSeconds(20)).pollInSameThread().untilAsserted(() ->
                BpmnAwareTests.assertThat(instance).isWaitingAt(activityId));
    }

    protected void awaitEnded(ProcessInstance instance) {
        await().atMost(Duration.ofSeconds(20)).pollInSameThread().untilAsserted(() ->
                BpmnAwareTests.assertThat(instance).isEnded());
    }

    protected Job job(ProcessInstance instance, String activityId) {
        Job job = BpmnAwareTests.job(activityId, instance);
        if (job == null) {
            throw new AssertionError("no job at " + activityId + " for " + instance.getBusinessKey());
        }
        return job;
    }

    /** Runs the job of the activity (an asynchronous continuation or a timer, due or not). */
    protected void runJob(ProcessInstance instance, String activityId) {
        BpmnAwareTests.execute(job(instance, activityId));
    }

    protected Task task(ProcessInstance instance, String taskKey) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
    }

    /** Completes the user task as Tasklist would: through its generated form (required fields enforced). */
    protected void submitForm(ProcessInstance instance, String taskKey, Map<String, Object> fields) {
        Task task = task(instance, taskKey);
        if (task == null) {
            throw new AssertionError("no task " + taskKey + " for " + instance.getBusinessKey());
        }
        forms.submitTaskForm(task.getId(), fields);
    }

    protected List<InboxEntry> inboxOf(String caseId) {
        return inbox.ofCase(caseId);
    }

    protected void awaitInboxStatus(String envelopeId, InboxStatus status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.find(envelopeId).map(InboxEntry::status)
                .filter(status::equals).isPresent());
    }

    // ---- the case, step by step (each step starts where the previous one stopped)

    protected void acceptIntake(ProcessInstance instance) {
        submitForm(instance, "ReviewIntake", Map.of("accepted", true));
        runJob(instance, "PublishCaseAccepted");
        runJob(instance, "RequestRecords");
        awaitWaitingAt(instance, "AwaitRecords");
    }

    protected void deadlinePasses(ProcessInstance instance) {
        runJob(instance, "RecordsDeadlineTimer");
        awaitWaitingAt(instance, "ChaseMissingRecords");
    }

    protected void recordsComplete(ProcessInstance instance) {
        publish(Cases.recordsCompleted(instance.getBusinessKey()));
        awaitWaitingAt(instance, "VerifyDossier");
    }

    protected void verifyDossier(ProcessInstance instance) {
        submitForm(instance, "VerifyDossier", Map.of("dossierVerified", true));
        runJob(instance, "ScheduleReview");
        awaitWaitingAt(instance, "AwaitMdtScheduled");
    }

    protected void mdtScheduled(ProcessInstance instance) {
        publish(Cases.mdtScheduled(instance.getBusinessKey()));
        awaitWaitingAt(instance, "NotifyMdtScheduled");
        runJob(instance, "NotifyMdtScheduled");
        awaitWaitingAt(instance, "AwaitMdtConcluded");
    }

    protected void mdtConcluded(ProcessInstance instance) {
        publish(Cases.mdtConcluded(instance.getBusinessKey()));
        awaitWaitingAt(instance, "AwaitReportReleased");
    }

    /** The coordinator released version 2 in mdt-scheduler's report desk: ReportReleased arrives. */
    protected void reportReleased(ProcessInstance instance) {
        publish(Cases.reportReleased(instance.getBusinessKey()));
        awaitWaitingAt(instance, "DeliverReport");
        runJob(instance, "DeliverReport");
        awaitWaitingAt(instance, "AwaitReportDelivered");
    }

    /** Starts a routine case and drives it until it waits at the given wait state. */
    protected ProcessInstance driveTo(String waitState) {
        if (!WAIT_STATES.contains(waitState)) {
            throw new IllegalArgumentException(waitState);
        }
        ProcessInstance instance = submit(Cases.breastRoutine(newCaseId("breast")));
        for (String reached : WAIT_STATES) {
            if (reached.equals(waitState)) {
                return instance;
            }
            switch (reached) {
                case "ReviewIntake" -> acceptIntake(instance);
                case "AwaitRecords" -> {
                    if (waitState.equals("ChaseMissingRecords")) {
                        deadlinePasses(instance);
                        return instance;
                    }
                    recordsComplete(instance);
                }
                case "ChaseMissingRecords" -> { } // skipped on the way to later states
                case "VerifyDossier" -> verifyDossier(instance);
                case "AwaitMdtScheduled" -> mdtScheduled(instance);
                case "AwaitMdtConcluded" -> mdtConcluded(instance);
                case "AwaitReportReleased" -> reportReleased(instance);
                default -> throw new IllegalStateException(reached);
            }
        }
        return instance;
    }
}
