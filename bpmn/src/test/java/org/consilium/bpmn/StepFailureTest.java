package org.consilium.bpmn;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.consilium.bpmn.support.ProcessTestSupport;
import org.consilium.events.CancelCase;
import org.consilium.events.CaseDeclined;
import org.consilium.events.CaseStepFailed;
import org.consilium.events.CloudEventCodec;
import org.consilium.events.Envelope;
import org.consilium.events.Topics;
import org.consilium.events.MessageType;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.SendNotification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.consilium.bpmn.support.CommandTap.envelope;
import static org.consilium.bpmn.support.CommandTap.header;

/**
 * Nothing stops a case silently (issue 11): a failure at any wait state, reported by a service or
 * found on a dead-letter topic, becomes a coordinator task beside what the case waits for.
 */
class StepFailureTest extends ProcessTestSupport {

    @Test
    void aFailureReportedAtEveryWaitStateBecomesACoordinatorTaskAndTheCaseStillWaits() {
        for (String waitState : WAIT_STATES) {
            ProcessInstance instance = driveTo(waitState);
            publish(new CaseStepFailed(instance.getBusinessKey(), "test-service", "SomeStep",
                    "injected at " + waitState, null, Instant.now()));

            Task task = awaitTask(instance);
            assertThat(task.getName()).isEqualTo("Resolve a failed step");
            assertThat(tasks.getVariable(task.getId(), "failureReason")).isEqualTo("injected at " + waitState);
            assertThat(tasks.getVariable(task.getId(), "failedService")).isEqualTo("test-service");
            assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup("coordinator").count())
                    .as("on the coordinators' list").isEqualTo(1);
            assertThat(instance).as(waitState).isWaitingAt(waitState); // the case still waits for its answer

            // without a dead letter, "retry" has nothing to replay: the task only records what was done
            forms.submitTaskForm(task.getId(), Map.of("retryStep", true, "resolutionNote", "handled"));
            assertThat(instance).isWaitingAt(waitState).hasPassed("FailedStepResolvedEnd");
        }
    }

    /**
     * Issue 11: a panel that cannot be composed is a coordinator task with a way out. Declining the case there ends
     * it as declined, stops the services and tells the patient's side why, under the name the template reads.
     */
    @Test
    void aCaseThatCannotGoOnIsDeclinedFromTheTaskAndThePatientIsToldWhy() {
        ProcessInstance instance = driveTo("AwaitMdtScheduled");
        String caseId = instance.getBusinessKey();
        publish(new CaseStepFailed(caseId, "mdt-scheduler", "ScheduleReview",
                "no radiologist is licensed in AE", null, Instant.now()));
        Task task = awaitTask(instance);

        forms.submitTaskForm(task.getId(), Map.of("declineCase", true,
                "declineReason", "No specialist panel can be composed for your country at present."));
        awaitWaitingAt(instance, "CancelDeclinedCase");
        runJob(instance, "CancelDeclinedCase");
        runJob(instance, "PublishLateDecline");
        runJob(instance, "NotifyLateDecline");
        awaitEnded(instance);
        assertThat(instance).hasPassed("DeclineAfterFailureEnd", "LateDeclineEnd").hasNotPassed("ReportDeliveredEnd");

        assertThat(commands.await(caseId, MessageType.CANCEL_CASE, 2)).extracting(r -> ((CancelCase) envelope(r).payload()).reason())
                .containsOnly("the case was declined");
        assertThat(commands.awaitPayload(caseId, MessageType.CASE_DECLINED, CaseDeclined.class).reason())
                .isEqualTo("No specialist panel can be composed for your country at present.");
        SendNotification notice = commands.awaitPayload(caseId, MessageType.SEND_NOTIFICATION, SendNotification.class,
                n -> n.purpose() == NotificationPurpose.CASE_DECLINED);
        assertThat(notice.parameters()).containsEntry("reason", "No specialist panel can be composed for your country at present.");
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aDeadLetteredCommandBecomesATaskAndARetryReplaysItUnchanged() {
        ProcessInstance instance = driveTo("AwaitReportDelivered");
        String caseId = instance.getBusinessKey();
        ConsumerRecord<String, byte[]> command = commands.await(caseId, MessageType.DELIVER_REPORT, 1).get(0);

        // notification-service gives up on it, as its binder does: the record, its headers and the error
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(NOTIFICATION_COMMANDS_DLT, 0, command.key(),
                command.value(), command.headers());
        dead.headers().add("kafka_dlt-exception-fqcn",
                "org.xml.sax.SAXParseException".getBytes(StandardCharsets.UTF_8));
        dead.headers().add("kafka_dlt-exception-message", ("An invalid XML character (Unicode: 0x7) was found\n"
                + "\tat some.Frame").getBytes(StandardCharsets.UTF_8));
        dead.headers().add("kafka_dlt-original-topic", command.topic().getBytes(StandardCharsets.UTF_8));
        RecordMetadata sent = events.send(dead);
        Task task = awaitTask(instance);
        assertThat(tasks.getVariable(task.getId(), "failedStep")).isEqualTo("DeliverReport");
        assertThat(tasks.getVariable(task.getId(), "failedService")).isEqualTo("notification-service");
        assertThat((String) tasks.getVariable(task.getId(), "failureReason")).isEqualTo(
                "dead-lettered after its retries: SAXParseException: An invalid XML character (Unicode: 0x7) was found");
        assertThat(tasks.getVariable(task.getId(), "deadLetterOffset")).isEqualTo(sent.offset());
        assertThat(instance).isWaitingAt("AwaitReportDelivered");

        // the cause is fixed: retry sends the same command (same ce_id) back to notification-service
        forms.submitTaskForm(task.getId(), Map.of("retryStep", true, "resolutionNote", "name corrected"));
        runJob(instance, "ReplayFailedStep");
        var sentAgain = commands.await(caseId, MessageType.DELIVER_REPORT, 2);
        assertThat(sentAgain).extracting(r -> header(r, "ce_id")).containsOnly(header(command, "ce_id"));
        assertThat(sentAgain.get(1).value()).isEqualTo(command.value());
        assertThat(sentAgain.get(1).headers().lastHeader("kafka_dlt-exception-message")).isNull();
        assertThat(instance).isWaitingAt("AwaitReportDelivered").hasPassed("FailedStepReplayedEnd");
    }

    /**
     * A service that cannot keep an event it needs for its part (notification-service the case's people, say) stops
     * the case as surely as a failed command: its dead letter is a coordinator task too, and retry replays it.
     */
    @Test
    void anEventAServiceCouldNotKeepBecomesATask() {
        ProcessInstance instance = driveTo("AwaitRecords");
        String caseId = instance.getBusinessKey();
        Envelope submitted = Envelope.of(org.consilium.bpmn.support.Cases.breastRoutine(caseId),
                java.util.UUID.randomUUID().toString(), TEST_SOURCE, Instant.now());
        ProducerRecord<String, byte[]> dead = CloudEventCodec.toRecords(submitted).get(0);
        ProducerRecord<String, byte[]> deadLetter = new ProducerRecord<>("error." + Topics.CASE_EVENTS
                + ".notification-service", 0, dead.key(), dead.value(), dead.headers());
        deadLetter.headers().add("kafka_dlt-exception-fqcn", "org.springframework.dao.DataAccessResourceFailureException"
                .getBytes(StandardCharsets.UTF_8));
        deadLetter.headers().add("kafka_dlt-original-topic", Topics.CASE_EVENTS.getBytes(StandardCharsets.UTF_8));
        events.send(deadLetter);

        Task task = awaitTask(instance);
        assertThat(tasks.getVariable(task.getId(), "failedStep")).isEqualTo("CaseSubmitted");
        assertThat(tasks.getVariable(task.getId(), "failedService")).isEqualTo("notification-service");
        assertThat(tasks.getVariable(task.getId(), "deadLetterOriginalTopic")).isEqualTo(Topics.CASE_EVENTS);
        assertThat(instance).isWaitingAt("AwaitRecords");
    }

    /**
     * Issue 12: a dead letter that names no case (no key, no ce_subject) has no case to give a task to. It is not
     * dropped: the intake gives it up at once to its own dead-letter topic, with the reason, where ops see it.
     */
    @Test
    void aDeadLetterNamingNoCaseGoesOnToTheIntakesOwnDeadLetterTopic() {
        String probe = java.util.UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> nameless = new ProducerRecord<>(NOTIFICATION_COMMANDS_DLT, 1, null,
                "{\"not\": \"a case's\"}".getBytes(StandardCharsets.UTF_8));
        nameless.headers().add("x-test-probe", probe.getBytes(StandardCharsets.UTF_8));
        events.send(nameless);

        ConsumerRecord<String, byte[]> givenUp = await().atMost(Duration.ofSeconds(30))
                .until(() -> commands.tagged(DEAD_LETTER_INTAKE_DLT, "x-test-probe", probe), found -> !found.isEmpty())
                .get(0);
        assertThat(givenUp.partition()).as("the partition it came from").isEqualTo(1);
        assertThat(header(givenUp, "x-original-topic")).isEqualTo(NOTIFICATION_COMMANDS_DLT);
        assertThat(header(givenUp, "x-exception-message")).contains("names no case");
        assertThat(commands.tagged(DEAD_LETTER_INTAKE_DLT, "x-test-probe", probe)).as("given up once").hasSize(1);
    }

    @Test
    void anEventTheCaseNeverWaitedForExpiresIntoACoordinatorTask() {
        ProcessInstance instance = submit(org.consilium.bpmn.support.Cases.breastRoutine(newCaseId("expired")));
        // an MdtConcluded no step of this case waits for, kept past its expiry
        org.consilium.events.Envelope early = org.consilium.events.Envelope.of(
                org.consilium.bpmn.support.Cases.mdtConcluded(instance.getBusinessKey()),
                java.util.UUID.randomUUID().toString(), TEST_SOURCE, Instant.now());
        inbox.add(early, Instant.now(), Instant.now().minusSeconds(1));

        awaitInboxStatus(early.id(), org.consilium.bpmn.inbox.InboxStatus.EXPIRED);
        Task task = awaitTask(instance);
        assertThat(tasks.getVariable(task.getId(), "failedStep")).isEqualTo("MdtConcluded");
        assertThat(tasks.getVariable(task.getId(), "failedService")).isEqualTo("bpmn");
        assertThat((String) tasks.getVariable(task.getId(), "failureReason")).startsWith("no step of the case waited");
        assertThat(instance).isWaitingAt("ReviewIntake");
    }

    private Task awaitTask(ProcessInstance instance) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> tasks.createTaskQuery()
                .processInstanceId(instance.getId()).taskDefinitionKey("ResolveFailedStep").singleResult(), t -> t != null);
    }
}
