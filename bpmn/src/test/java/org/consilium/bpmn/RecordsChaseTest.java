package org.consilium.bpmn;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.consilium.bpmn.support.ProcessTestSupport;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.SendNotification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.consilium.bpmn.support.CommandTap.envelope;
import static org.consilium.bpmn.support.CommandTap.header;

/** Record collection: the reminder, the deadline, the coordinator's chase, records completing meanwhile. */
class RecordsChaseTest extends ProcessTestSupport {

    @Test
    void reminderThenChaseThenRecordsCompleteDuringTheChase() {
        ProcessInstance instance = driveTo("AwaitRecords");
        String caseId = instance.getBusinessKey();

        // the reminder timer is non-interrupting: the case keeps waiting for records
        runJob(instance, "RecordsReminderTimer");
        assertThat(instance).isWaitingAt("AwaitRecords", "SendRecordsReminder");
        runJob(instance, "SendRecordsReminder");
        assertThat(instance).isWaitingAt("AwaitRecords").hasPassed("RecordsReminderSentEnd");
        ConsumerRecord<String, byte[]> firstReminder = commands.await(caseId, MessageType.SEND_NOTIFICATION, 1).get(0);
        SendNotification reminder = (SendNotification) envelope(firstReminder).payload();
        assertThat(reminder.purpose()).isEqualTo(NotificationPurpose.RECORDS_REMINDER);
        assertThat(reminder.parameters()).containsEntry("urgency", "ROUTINE").containsKey("dueBy").doesNotContainKey("missing");

        // the deadline interrupts the wait: the coordinator chases, then the case waits again
        deadlinePasses(instance);
        assertThat(task(instance, "ChaseMissingRecords")).isNotNull();
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().count()).isZero();
        submitForm(instance, "ChaseMissingRecords", Map.of("chaseNote", "called the hospital's records office"));
        assertThat(instance).isWaitingAt("AwaitRecords").variables().containsEntry("chaseNote",
                "called the hospital's records office");

        // second pass: a second reminder is a new command, with a new id
        runJob(instance, "RecordsReminderTimer");
        runJob(instance, "SendRecordsReminder");
        List<ConsumerRecord<String, byte[]>> reminders = commands.await(caseId, MessageType.SEND_NOTIFICATION, 2);
        assertThat(reminders).extracting(r -> header(r, "ce_id")).containsExactly(
                Envelope.derivedId(instance.getId(), "SendRecordsReminder", "1"),
                Envelope.derivedId(instance.getId(), "SendRecordsReminder", "2"));

        // records complete while the coordinator is chasing again: the chase is interrupted
        deadlinePasses(instance);
        recordsComplete(instance);
        assertThat(instance).hasPassed("RecordsCompletedDuringChase");
        assertThat(task(instance, "ChaseMissingRecords")).isNull();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("AwaitRecords").count()).isEqualTo(2);
        assertThat(commands.records(caseId, MessageType.REQUEST_RECORDS)).hasSize(1);
    }
}
