package org.consilium.bpmn;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.consilium.bpmn.command.CommandPublisher;
import org.consilium.bpmn.inbox.InboxStatus;
import org.consilium.bpmn.support.Cases;
import org.consilium.bpmn.support.CommandTap;
import org.consilium.bpmn.support.ProcessTestSupport;
import org.consilium.events.CaseAccepted;
import org.consilium.events.CaseDeclined;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.DeliverReport;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.events.NotificationAudience;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.Recipient;
import org.consilium.events.RequestRecords;
import org.consilium.events.ScheduleReview;
import org.consilium.events.SendNotification;
import org.consilium.events.Topics;
import org.consilium.events.Urgency;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.consilium.bpmn.support.CommandTap.header;

/** The main paths of a case: report delivered, declined at intake, urgent. */
class SecondOpinionCaseTest extends ProcessTestSupport {

    @Test
    void routineCaseGoesFromSubmissionToDeliveredReport() {
        CaseSubmitted submitted = Cases.breastRoutine(newCaseId("breast"));
        String caseId = submitted.caseId();
        ProcessInstance instance = submit(submitted);

        assertThat(instance).variables().containsEntry("urgency", "ROUTINE")
                .containsEntry("disciplines", "breast-surgeon,medical-oncologist,radiation-oncologist,radiologist,pathologist")
                .containsEntry("daysUntilTreatment", 35).containsEntry("language", "ar").containsEntry("languages", "ar,en")
                .containsEntry("timeZone", "Asia/Dubai").containsEntry("currentDoctorKnown", false)
                .containsEntry("plannedTreatmentStart", Cases.today().plusDays(35).toString());
        assertThat(instance.getBusinessKey()).isEqualTo(caseId);
        assertThat(task(instance, "ReviewIntake")).isNotNull();
        assertThat(tasks.createTaskQuery().taskId(task(instance, "ReviewIntake").getId()).taskCandidateGroup("coordinator")
                .count()).isEqualTo(1);

        acceptIntake(instance);
        ConsumerRecord<String, byte[]> accepted = commands.await(caseId, MessageType.CASE_ACCEPTED, 1).get(0);
        assertThat(accepted.topic()).isEqualTo(Topics.CASE_EVENTS);
        assertThat(accepted.key()).isEqualTo(caseId);
        assertThat(header(accepted, "ce_type")).isEqualTo("org.consilium.case.CaseAccepted.v1");
        assertThat(header(accepted, "ce_subject")).isEqualTo(caseId);
        assertThat(header(accepted, "ce_source")).isEqualTo(CommandPublisher.SOURCE);
        assertThat(header(accepted, "ce_id"))
                .isEqualTo(Envelope.derivedId(instance.getId(), "PublishCaseAccepted", "1"));
        CaseAccepted acceptedPayload = (CaseAccepted) CommandTap.envelope(accepted).payload();
        assertThat(acceptedPayload.urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(acceptedPayload.disciplines()).containsExactly("breast-surgeon", "medical-oncologist",
                "radiation-oncologist", "radiologist", "pathologist");

        ConsumerRecord<String, byte[]> requestRecords = commands.await(caseId, MessageType.REQUEST_RECORDS, 1).get(0);
        assertThat(requestRecords.topic()).isEqualTo(Topics.RECORDS_COMMANDS);
        assertThat(header(requestRecords, "ce_subject")).isEqualTo(caseId);
        RequestRecords request = (RequestRecords) CommandTap.envelope(requestRecords).payload();
        assertThat(request.cancerType()).isEqualTo("breast");
        assertThat(request.urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(request.dueBy()).isCloseTo(Instant.now().plus(Duration.ofDays(10)), within(Duration.ofMinutes(1)));
        assertTimer(instance, "RecordsReminderTimer", Duration.ofDays(3));
        assertTimer(instance, "RecordsDeadlineTimer", Duration.ofDays(10));

        recordsComplete(instance);
        assertThat(instance).variables().containsEntry("documentCount", 7L);
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().count()).isZero();

        verifyDossier(instance);
        ScheduleReview schedule = commands.awaitPayload(caseId, MessageType.SCHEDULE_REVIEW, ScheduleReview.class);
        assertThat(schedule).isEqualTo(new ScheduleReview(caseId, "breast", Urgency.ROUTINE,
                List.of("breast-surgeon", "medical-oncologist", "radiation-oncologist", "radiologist", "pathologist"),
                List.of("ar", "en"), "Asia/Dubai", null, null, "AE",
                "Dubai Oncology Centre"));
        assertThat(commands.records(caseId, MessageType.SCHEDULE_REVIEW).get(0).topic()).isEqualTo(Topics.MDT_COMMANDS);

        mdtScheduled(instance);
        assertThat(instance).variables().containsEntry("sessionId", "session-" + caseId)
                .containsEntry("sessionStartsAt", Cases.SESSION.toString())
                .containsEntry("panelSize", 2L);
        SendNotification scheduled = commands.awaitPayload(caseId, MessageType.SEND_NOTIFICATION, SendNotification.class);
        assertThat(scheduled.purpose()).isEqualTo(NotificationPurpose.MDT_SCHEDULED);
        assertThat(scheduled.recipient()).as("the engine names a role; notification-service the people").isNull();
        assertThat(scheduled.audience()).isEqualTo(NotificationAudience.PATIENT_SIDE);
        assertThat(scheduled.parameters()).containsExactlyInAnyOrderEntriesOf(
                Map.of("sessionStartsAt", Cases.SESSION.toString(), "timeZone", "Asia/Dubai"));

        mdtConcluded(instance);
        assertThat(instance).variables().containsKey("mdtConcludedAt").doesNotContainKeys("recommendation", "signedBy");
        assertThat(instance).isWaitingAt("AwaitReportReleased");

        reportReleased(instance);
        assertThat(instance).variables().containsEntry("reportVersion", 2)
                .containsEntry("reportReleasedBy", "coordinator.ana");
        DeliverReport deliver = commands.awaitPayload(caseId, MessageType.DELIVER_REPORT, DeliverReport.class);
        assertThat(deliver).as("the released version by its number, not the consensus as concluded; its date written "
                        + "for the case's zone; the people and the content are notification-service's (issue 11)")
                .isEqualTo(DeliverReport.of(caseId, 2, "Asia/Dubai"));

        Envelope delivered = publish(Cases.reportDelivered(caseId));
        awaitWaitingAt(instance, "StartFollowUp");
        runJob(instance, "StartFollowUp");
        awaitEnded(instance);
        assertThat(instance).hasPassed("ReportDeliveredEnd").hasNotPassed("CaseWithdrawnEnd", "ChaseMissingRecords");
        awaitInboxStatus(delivered.id(), InboxStatus.APPLIED);
        assertThat(inboxOf(caseId)).extracting(e -> e.status()).containsOnly(InboxStatus.APPLIED).hasSize(6);
        assertThat(runtime.createIncidentQuery().count()).isZero();
    }

    @Test
    void aReportLeftInQaAsksTheCoordinatorToReleaseItAndGoesOutWhenReleased() {
        ProcessInstance instance = driveTo("AwaitReportReleased");
        String caseId = instance.getBusinessKey();
        runJob(instance, "ReleaseWatchTimer");
        assertThat(forms.getTaskFormData(task(instance, "ReleaseReport").getId()).getFormFields())
                .extracting(f -> f.getId()).containsExactly("releaseNote");
        submitForm(instance, "ReleaseReport", Map.of("releaseNote", "chair re-reading the summary"));
        awaitWaitingAt(instance, "AwaitReportReleased");

        // overdue again; this time the release arrives while the task is open and ends it
        runJob(instance, "ReleaseWatchTimer");
        assertThat(task(instance, "ReleaseReport")).isNotNull();
        publish(Cases.reportReleased(caseId));
        awaitWaitingAt(instance, "DeliverReport");
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        runJob(instance, "DeliverReport");
        assertThat(commands.awaitPayload(caseId, MessageType.DELIVER_REPORT, DeliverReport.class).reportVersion())
                .isEqualTo(2);
        assertThat(commands.await(caseId, MessageType.DELIVER_REPORT, 1)).hasSize(1);
    }

    @Test
    void requiredFormFieldIsEnforced() {
        ProcessInstance instance = submit(Cases.breastRoutine(newCaseId("breast")));
        assertThatThrownBy(() -> submitForm(instance, "ReviewIntake", Map.of()))
                .hasMessageContaining("accepted");
        assertThat(instance).isWaitingAt("ReviewIntake");
    }

    @Test
    void declinedCaseIsToldWhyAndLaterEventsAreDiscarded() {
        ProcessInstance instance = submit(Cases.breastRoutine(newCaseId("declined")));
        String caseId = instance.getBusinessKey();

        submitForm(instance, "ReviewIntake", Map.of("accepted", false, "declineReason", "out of scope: benign tumour"));
        runJob(instance, "PublishCaseDeclined");
        runJob(instance, "NotifyCaseDeclined");

        assertThat(instance).isEnded().hasPassed("CaseDeclinedEnd").hasNotPassed("PublishCaseAccepted");
        CaseDeclined declined = commands.awaitPayload(caseId, MessageType.CASE_DECLINED, CaseDeclined.class);
        assertThat(declined.reason()).isEqualTo("out of scope: benign tumour");
        SendNotification notice = commands.awaitPayload(caseId, MessageType.SEND_NOTIFICATION, SendNotification.class);
        assertThat(notice.purpose()).isEqualTo(NotificationPurpose.CASE_DECLINED);
        assertThat(notice.parameters()).as("under the name the template reads").containsEntry("reason",
                "out of scope: benign tumour");
        assertThat(commands.records(caseId, MessageType.REQUEST_RECORDS)).isEmpty();

        Envelope late = publish(Cases.recordsCompleted(caseId));
        awaitInboxStatus(late.id(), InboxStatus.DISCARDED);
    }

    @Test
    void urgentCaseGetsTheShortClock() {
        CaseSubmitted submitted = Cases.lungUrgent(newCaseId("lung"));
        ProcessInstance instance = submit(submitted);
        assertThat(instance).variables().containsEntry("urgency", "URGENT").containsEntry("daysUntilTreatment", 12)
                .containsEntry("disciplines", "thoracic-surgeon,medical-oncologist,radiation-oncologist,radiologist,"
                        + "pathologist,pulmonologist");

        acceptIntake(instance);
        CaseAccepted accepted = commands.awaitPayload(submitted.caseId(), MessageType.CASE_ACCEPTED, CaseAccepted.class);
        assertThat(accepted.urgency()).isEqualTo(Urgency.URGENT);
        RequestRecords request = commands.awaitPayload(submitted.caseId(), MessageType.REQUEST_RECORDS, RequestRecords.class);
        assertThat(request.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(request.dueBy()).isCloseTo(Instant.now().plus(Duration.ofDays(3)), within(Duration.ofMinutes(1)));
        assertTimer(instance, "RecordsReminderTimer", Duration.ofDays(1));
        assertTimer(instance, "RecordsDeadlineTimer", Duration.ofDays(3));
    }

    private void assertTimer(ProcessInstance instance, String timerId, Duration after) {
        Job timer = job(instance, timerId);
        assertThat(timer.getDuedate().toInstant()).isCloseTo(Instant.now().plus(after), within(Duration.ofMinutes(1)));
    }
}
