package org.consilium.bpmn;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.consilium.bpmn.command.CommandNotSentException;
import org.consilium.bpmn.support.Cases;
import org.consilium.bpmn.support.ProcessTestSupport;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.consilium.bpmn.support.CommandTap.header;

/** A command whose acknowledgement is lost fails its job; the retry re-sends the same envelope id. */
class CommandRetryTest extends ProcessTestSupport {

    @AfterEach
    void healKafka() {
        commandTemplate.loseNextAcks(0);
    }

    @Test
    void retriedJobSendsTheSameId() {
        ProcessInstance instance = submit(Cases.breastRoutine(newCaseId("retry")));
        submitForm(instance, "ReviewIntake", Map.of("accepted", true));
        runJob(instance, "PublishCaseAccepted");

        commandTemplate.loseNextAcks(1);
        assertThatThrownBy(() -> runJob(instance, "RequestRecords")).isInstanceOf(CommandNotSentException.class);
        Job failed = job(instance, "RequestRecords");
        assertThat(failed.getRetries()).isEqualTo(9); // R10/PT30S
        assertThat(failed.getExceptionMessage()).contains("not acknowledged");
        assertThat(failed.getDuedate()).isInTheFuture();
        assertThat(instance).isWaitingAt("RequestRecords");
        assertThat(runtime.getVariable(instance.getId(), "sendCount_RequestRecords")).isNull();

        runJob(instance, "RequestRecords");
        awaitWaitingAt(instance, "AwaitRecords");

        List<ConsumerRecord<String, byte[]>> sent = commands.await(instance.getBusinessKey(), MessageType.REQUEST_RECORDS, 2);
        assertThat(sent).hasSize(2).extracting(r -> header(r, "ce_id"))
                .containsOnly(Envelope.derivedId(instance.getId(), "RequestRecords", "1"));
        assertThat(runtime.getVariable(instance.getId(), "sendCount_RequestRecords")).isEqualTo(1);
    }
}
