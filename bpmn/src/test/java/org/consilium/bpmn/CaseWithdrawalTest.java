package org.consilium.bpmn;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.consilium.bpmn.support.ProcessTestSupport;
import org.consilium.events.CancelCase;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.SendNotification;
import org.consilium.events.Topics;
import org.consilium.bpmn.support.Cases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.consilium.bpmn.support.CommandTap.envelope;
import static org.consilium.bpmn.support.CommandTap.header;

/** A case can be withdrawn at any stage: everything in flight stops, the services and the contact are told. */
class CaseWithdrawalTest extends ProcessTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"ReviewIntake", "AwaitRecords", "ChaseMissingRecords", "VerifyDossier", "AwaitMdtScheduled",
            "AwaitMdtConcluded", "AwaitReportReleased", "AwaitReportDelivered"})
    void withdrawalEndsTheCase(String waitState) {
        ProcessInstance instance = driveTo(waitState);
        String caseId = instance.getBusinessKey();

        publish(Cases.withdrawn(caseId));
        awaitWaitingAt(instance, "CancelCase");
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().count()).isZero();
        runJob(instance, "CancelCase");
        runJob(instance, "NotifyCaseWithdrawn");

        assertThat(instance).isEnded().hasPassed("CaseWithdrawnEnd").hasNotPassed("ReportDeliveredEnd");
        List<ConsumerRecord<String, byte[]>> cancels = commands.await(caseId, MessageType.CANCEL_CASE, 2);
        assertThat(cancels).extracting(ConsumerRecord::topic)
                .containsExactlyInAnyOrder(Topics.RECORDS_COMMANDS, Topics.MDT_COMMANDS);
        assertThat(cancels).extracting(r -> header(r, "ce_id")).containsOnly(
                Envelope.derivedId(instance.getId(), "CancelCase", "1"));
        assertThat(cancels).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(caseId);
            assertThat(header(r, "ce_subject")).isEqualTo(caseId);
            assertThat(envelope(r).payload()).as("the patient's own words stay with intake")
                    .isEqualTo(new CancelCase(caseId, "the case was withdrawn"));
        });
        SendNotification notice = commands.awaitPayload(caseId, MessageType.SEND_NOTIFICATION, SendNotification.class,
                n -> n.purpose() == NotificationPurpose.CASE_WITHDRAWN);
        assertThat(notice.parameters()).containsKey("withdrawnAt").doesNotContainValue("treated locally");
    }
}
