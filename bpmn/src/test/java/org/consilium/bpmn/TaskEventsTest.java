package org.consilium.bpmn;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.consilium.bpmn.support.Cases;
import org.consilium.bpmn.support.ProcessTestSupport;
import org.consilium.events.MessageType;
import org.consilium.events.TaskAssigned;
import org.consilium.events.TaskClosed;
import org.consilium.events.TaskOpened;
import org.consilium.events.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consilium.bpmn.support.CommandTap.envelope;

/** Every user task's lifecycle reaches consilium.task.events through the task outbox, thin and in order (ADR 18). */
class TaskEventsTest extends ProcessTestSupport {

    @Test
    void aTaskIsAnnouncedWhenOpenedClaimedGivenBackAndCompleted() {
        ProcessInstance instance = submit(Cases.lungUrgent(newCaseId("tasks")));
        String caseId = instance.getBusinessKey();
        awaitWaitingAt(instance, "ReviewIntake");
        Task task = task(instance, "ReviewIntake");

        TaskOpened opened = commands.awaitPayload(caseId, MessageType.TASK_OPENED, TaskOpened.class);
        assertThat(opened.taskId()).isEqualTo(task.getId());
        assertThat(opened.taskKey()).isEqualTo("ReviewIntake");
        assertThat(opened.name()).isEqualTo("Review intake");
        assertThat(opened.processInstanceId()).isEqualTo(instance.getId());
        assertThat(opened.urgency()).isEqualTo("URGENT");
        assertThat(opened.created()).isNotNull();
        assertThat(opened.due()).as("announced with its clock (TaskDueDates runs first)").isNotNull()
                .isCloseTo(task.getDueDate().toInstant(), org.assertj.core.api.Assertions.within(java.time.Duration.ofSeconds(1)));

        tasks.claim(task.getId(), "cora.nolan");
        commands.awaitPayload(caseId, MessageType.TASK_ASSIGNED, TaskAssigned.class, a -> "cora.nolan".equals(a.assignee()));
        tasks.setAssignee(task.getId(), null);
        commands.awaitPayload(caseId, MessageType.TASK_ASSIGNED, TaskAssigned.class, a -> a.assignee() == null);

        assertThat(commands.await(caseId, MessageType.TASK_ASSIGNED, 2)).as("a claim and a give-back, each announced once")
                .hasSize(2);
        acceptIntake(instance);
        TaskClosed closed = commands.awaitPayload(caseId, MessageType.TASK_CLOSED, TaskClosed.class);
        assertThat(closed.taskId()).isEqualTo(task.getId());
        assertThat(closed.completed()).isTrue();

        List<ConsumerRecord<String, byte[]>> all = commands.await(caseId, MessageType.TASK_CLOSED, 1);
        assertThat(all).allSatisfy(record -> {
            assertThat(record.topic()).isEqualTo(Topics.TASK_EVENTS);
            assertThat(record.key()).isEqualTo(caseId);
            assertThat(envelope(record).payload().toString()).as("nothing of the patient").doesNotContain("Santoso");
        });
    }
}
