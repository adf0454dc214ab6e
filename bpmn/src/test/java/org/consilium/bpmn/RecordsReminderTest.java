package org.consilium.bpmn;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.consilium.bpmn.inbox.InboxStatus;
import org.consilium.bpmn.support.Cases;
import org.consilium.bpmn.support.ProcessTestSupport;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.ConsentChanged;
import org.consilium.events.Envelope;
import org.consilium.events.Recipient;
import org.consilium.events.MessageType;
import org.consilium.events.NotificationAudience;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.RecordsIncomplete;
import org.consilium.events.SendNotification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.consilium.bpmn.support.CommandTap.envelope;
import static org.consilium.bpmn.support.CommandTap.header;

/** Reminders name what records-service last reported missing, and repeat on the urgency's schedule. */
class RecordsReminderTest extends ProcessTestSupport {

    /**
     * Issue 11: the reminder carried English words ("(out of date)") and no zone. It carries item codes, missing and
     * stale apart, for notification-service to title in the reader's language, and the case's time zone.
     */
    @Test
    void reminderNamesTheNewestMissingAndStaleItems() {
        ProcessInstance instance = driveTo("AwaitRecords");
        String caseId = instance.getBusinessKey();
        Instant first = Instant.now();

        Envelope incomplete = publish(new RecordsIncomplete(caseId, List.of("pathology-report", "breast-mri"),
                List.of("mammogram-ultrasound"), first));
        awaitInboxStatus(incomplete.id(), InboxStatus.APPLIED);
        assertThat(instance).isWaitingAt("AwaitRecords").variables().containsEntry("missingItems",
                "pathology-report,breast-mri").containsEntry("staleItems", "mammogram-ultrasound");

        runJob(instance, "RecordsReminderTimer");
        runJob(instance, "SendRecordsReminder");
        SendNotification reminder = reminders(caseId, 1).get(0);
        assertThat(reminder.purpose()).isEqualTo(NotificationPurpose.RECORDS_REMINDER);
        assertThat(reminder.parameters())
                .containsEntry("missing", "pathology-report, breast-mri")
                .containsEntry("stale", "mammogram-ultrasound")
                .containsEntry("dueBy", (String) runtime.getVariable(instance.getId(), "recordsDueBy"))
                .containsEntry("timeZone", "Asia/Dubai");
        assertThat(String.join(" ", reminder.parameters().values())).doesNotContain("out of date");

        // an older state (overtaken on the way) does not overwrite the newer one
        Envelope older = publish(new RecordsIncomplete(caseId, List.of("everything"), List.of(), first.minusSeconds(60)));
        awaitInboxStatus(older.id(), InboxStatus.DISCARDED);
        assertThat(inbox.find(older.id()).orElseThrow().lastError()).contains("superseded");
        assertThat(runtime.getVariable(instance.getId(), "missingItems")).isEqualTo("pathology-report,breast-mri");

        // a newer state applies; the next reminder names only what is still missing
        Envelope newer = publish(new RecordsIncomplete(caseId, List.of("breast-mri"), List.of(), first.plusSeconds(1)));
        awaitInboxStatus(newer.id(), InboxStatus.APPLIED);
        runJob(instance, "RecordsReminderTimer");
        runJob(instance, "SendRecordsReminder");
        assertThat(reminders(caseId, 2).get(1).parameters()).containsEntry("missing", "breast-mri").doesNotContainKey("stale");
        assertThat(instance).isWaitingAt("AwaitRecords");
    }

    @Test
    void theCurrentDoctorIsAskedTooWhileConsentLasts() {
        String caseId = newCaseId("doctor");
        CaseSubmitted base = Cases.breastRoutine(caseId);
        ProcessInstance instance = submit(new CaseSubmitted(caseId, base.cancerType(), base.decisionAtStake(),
                base.plannedTreatmentStart(), base.questionForPanel(), base.firstOpinion(), base.contact(),
                base.languages(), base.timeZone(), base.country(), base.submittedAt(), base.treatingInstitution(),
                List.of(), List.of("review", "contact-current-doctor"),
                new Recipient("Dr Karim", "karim@dubai-oncology.example", "en")));
        acceptIntake(instance);
        awaitWaitingAt(instance, "AwaitRecords");
        awaitInboxStatus(publish(new RecordsIncomplete(caseId, List.of("pathology-report"), List.of(), Instant.now())).id(),
                InboxStatus.APPLIED);

        runJob(instance, "RecordsReminderTimer");
        runJob(instance, "SendRecordsReminder");
        List<SendNotification> sent = reminders(caseId, 2);
        assertThat(sent).extracting(SendNotification::purpose).containsExactly(NotificationPurpose.RECORDS_REMINDER,
                NotificationPurpose.RECORDS_REQUEST_TO_DOCTOR);
        assertThat(sent.get(1).recipient()).as("the engine knows a doctor may be written to, not who").isNull();
        assertThat(sent.get(1).audience()).isEqualTo(NotificationAudience.CURRENT_DOCTOR);
        assertThat(runtime.getVariables(instance.getId()).values()).doesNotContain("karim@dubai-oncology.example", "Dr Karim");
        assertThat(sent.get(1).parameters()).containsEntry("missing", "pathology-report").containsEntry("timeZone", "Asia/Dubai");
        assertThat(commands.await(caseId, MessageType.SEND_NOTIFICATION, 2)).extracting(r -> envelope(r).id())
                .as("two commands, two ids").doesNotHaveDuplicates();

        // the patient withdraws consent to contacting the doctor: the next reminder goes to the patient only
        Envelope withdrawn = publish(new ConsentChanged(caseId, ConsentChanged.CONTACT_CURRENT_DOCTOR, false, Instant.now()));
        awaitInboxStatus(withdrawn.id(), InboxStatus.APPLIED);
        runJob(instance, "RecordsReminderTimer");
        runJob(instance, "SendRecordsReminder");
        assertThat(reminders(caseId, 3).get(2).purpose()).isEqualTo(NotificationPurpose.RECORDS_REMINDER);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> commands.await(caseId, MessageType.SEND_NOTIFICATION, 3).size() == 3);

        // an older decision overtaken on the way does not bring the consent back
        Envelope stale = publish(new ConsentChanged(caseId, ConsentChanged.CONTACT_CURRENT_DOCTOR, true,
                Instant.now().minusSeconds(3600)));
        awaitInboxStatus(stale.id(), InboxStatus.DISCARDED);
        assertThat(runtime.getVariable(instance.getId(), "consent_contact_current_doctor")).isEqualTo(false);
    }

    @Test
    void withoutConsentTheDoctorIsNeitherKnownNorAsked() {
        ProcessInstance instance = driveTo("AwaitRecords");
        String caseId = instance.getBusinessKey();
        assertThat(instance).variables().containsEntry("currentDoctorKnown", false)
                .containsEntry("consent_contact_current_doctor", false);
        runJob(instance, "RecordsReminderTimer");
        runJob(instance, "SendRecordsReminder");
        assertThat(reminders(caseId, 1)).extracting(SendNotification::purpose)
                .containsExactly(NotificationPurpose.RECORDS_REMINDER);
    }

    @Test
    void redeliveredStateIsStoredAndAppliedOnce() {
        ProcessInstance instance = driveTo("AwaitRecords");
        String caseId = instance.getBusinessKey();
        Envelope incomplete = Envelope.of(new RecordsIncomplete(caseId, List.of("staging CT"), List.of(), Instant.now()),
                java.util.UUID.randomUUID().toString(), "/consilium/test", Instant.now());

        events.publish(incomplete);
        events.awaitConsumed(events.publish(incomplete).get(0));
        awaitInboxStatus(incomplete.id(), InboxStatus.APPLIED);

        assertThat(inboxOf(caseId)).filteredOn(e -> e.envelopeId().equals(incomplete.id())).hasSize(1);
        assertThat(runtime.getVariable(instance.getId(), "missingItems")).isEqualTo("staging CT");
    }

    @Test
    void earlyStateWaitsForTheCaseAndLateStateOfAnEndedCaseIsDiscarded() {
        String caseId = newCaseId("early-incomplete");
        Envelope early = publish(new RecordsIncomplete(caseId, List.of("pathology report"), List.of(), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.find(early.id())
                .filter(e -> e.status() == InboxStatus.PENDING && e.attempts() >= 1).isPresent());

        ProcessInstance instance = submit(Cases.breastRoutine(caseId));
        awaitInboxStatus(early.id(), InboxStatus.APPLIED);
        assertThat(instance).variables().containsEntry("missingItems", "pathology report");

        submitForm(instance, "ReviewIntake", Map.of("accepted", false, "declineReason", "out of scope"));
        runJob(instance, "PublishCaseDeclined");
        runJob(instance, "NotifyCaseDeclined");
        assertThat(instance).isEnded();
        Envelope late = publish(new RecordsIncomplete(caseId, List.of("staging CT"), List.of(), Instant.now()));
        awaitInboxStatus(late.id(), InboxStatus.DISCARDED);
    }

    @Test
    void routineRemindersRepeatEveryThreeDaysUntilTheDeadline() {
        ProcessInstance instance = driveTo("AwaitRecords");
        String caseId = instance.getBusinessKey();
        Instant start = job(instance, "RecordsReminderTimer").getDuedate().toInstant().minus(Duration.ofDays(3))
                .truncatedTo(ChronoUnit.SECONDS);
        assertThat(start).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));

        // R3/PT72H: days 3, 6 and 9 of the 10-day deadline, each reminder a command of its own
        assertThat(fireRemindersUntilNoneLeft(instance)).containsExactly(start.plus(Duration.ofDays(3)),
                start.plus(Duration.ofDays(6)), start.plus(Duration.ofDays(9)));
        assertThat(instance).isWaitingAt("AwaitRecords");
        assertThat(job(instance, "RecordsDeadlineTimer").getDuedate().toInstant())
                .isCloseTo(start.plus(Duration.ofDays(10)), within(Duration.ofMinutes(1)));
        List<ConsumerRecord<String, byte[]>> sent = commands.await(caseId, MessageType.SEND_NOTIFICATION, 3);
        assertThat(sent).extracting(r -> header(r, "ce_id")).containsExactly(
                Envelope.derivedId(instance.getId(), "SendRecordsReminder", "1"),
                Envelope.derivedId(instance.getId(), "SendRecordsReminder", "2"),
                Envelope.derivedId(instance.getId(), "SendRecordsReminder", "3"));

        // after the chase the schedule starts again
        deadlinePasses(instance);
        submitForm(instance, "ChaseMissingRecords", Map.of());
        awaitWaitingAt(instance, "AwaitRecords");
        assertThat(job(instance, "RecordsReminderTimer")).isNotNull();
    }

    @Test
    void urgentRemindersComeDaily() {
        ProcessInstance instance = submit(Cases.lungUrgent(newCaseId("lung")));
        acceptIntake(instance);
        Instant start = job(instance, "RecordsReminderTimer").getDuedate().toInstant().minus(Duration.ofDays(1))
                .truncatedTo(ChronoUnit.SECONDS);
        assertThat(start).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
        // R2/PT24H: days 1 and 2 of the 3-day deadline
        assertThat(fireRemindersUntilNoneLeft(instance)).containsExactly(start.plus(Duration.ofDays(1)),
                start.plus(Duration.ofDays(2)));
    }

    /** Fires the reminder timer at its due time (engine clock moved there) until the cycle is exhausted. */
    private List<Instant> fireRemindersUntilNoneLeft(ProcessInstance instance) {
        List<Instant> fired = new ArrayList<>();
        try {
            while (fired.size() < 10) {
                Job timer = management.createJobQuery().processInstanceId(instance.getId())
                        .activityId("RecordsReminderTimer").singleResult();
                if (timer == null) {
                    break;
                }
                fired.add(timer.getDuedate().toInstant().truncatedTo(ChronoUnit.SECONDS)); // the cycle's start is kept in seconds
                ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(1)));
                management.executeJob(timer.getId());
                runJob(instance, "SendRecordsReminder");
            }
        } finally {
            ClockUtil.reset();
        }
        return fired;
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private List<SendNotification> reminders(String caseId, int count) {
        return commands.await(caseId, MessageType.SEND_NOTIFICATION, count).stream()
                .map(r -> (SendNotification) envelope(r).payload()).toList();
    }
}
