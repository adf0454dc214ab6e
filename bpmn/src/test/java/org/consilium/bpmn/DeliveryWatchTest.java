package org.consilium.bpmn;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.consilium.bpmn.inbox.InboxStatus;
import org.consilium.bpmn.support.Cases;
import org.consilium.bpmn.support.ProcessTestSupport;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.consilium.bpmn.support.CommandTap.header;

/** A delivery nobody confirms: the coordinator checks it, confirms it or has the report sent again. */
class DeliveryWatchTest extends ProcessTestSupport {

    @Test
    void resendGetsANewCommandIdAndADeliveryInterruptsTheCheck() {
        ProcessInstance instance = driveTo("AwaitReportDelivered");
        String caseId = instance.getBusinessKey();
        assertThat(job(instance, "DeliveryWatchTimer").getDuedate().toInstant())
                .isCloseTo(Instant.now().plus(Duration.ofHours(4)), within(Duration.ofMinutes(1)));

        runJob(instance, "DeliveryWatchTimer");
        awaitWaitingAt(instance, "ConfirmReportDelivery");
        submitForm(instance, "ConfirmReportDelivery", Map.of("deliveryConfirmed", false,
                "deliveryNote", "patient has not received it"));
        runJob(instance, "DeliverReport");
        awaitWaitingAt(instance, "AwaitReportDelivered");
        assertThat(commands.await(caseId, MessageType.DELIVER_REPORT, 2)).extracting(r -> header(r, "ce_id"))
                .containsExactly(Envelope.derivedId(instance.getId(), "DeliverReport", "1"),
                        Envelope.derivedId(instance.getId(), "DeliverReport", "2"));

        // unconfirmed again; then the delivery is reported while the coordinator checks
        runJob(instance, "DeliveryWatchTimer");
        awaitWaitingAt(instance, "ConfirmReportDelivery");
        Envelope delivered = publish(Cases.reportDelivered(caseId));
        awaitWaitingAt(instance, "StartFollowUp");
        runJob(instance, "StartFollowUp");
        awaitEnded(instance);
        awaitInboxStatus(delivered.id(), InboxStatus.APPLIED);
        assertThat(instance).hasPassed("ReportDeliveredDuringWatch", "ReportDeliveredEnd")
                .hasNotPassed("CaseWithdrawnEnd");
        assertThat(task(instance, "ConfirmReportDelivery")).isNull();
    }

    @Test
    void coordinatorConfirmsTheDeliveryAndTheCaseEndsAsDelivered() {
        ProcessInstance instance = driveTo("AwaitReportDelivered");
        runJob(instance, "DeliveryWatchTimer");
        awaitWaitingAt(instance, "ConfirmReportDelivery");
        submitForm(instance, "ConfirmReportDelivery", Map.of("deliveryConfirmed", true,
                "deliveryNote", "patient confirmed by phone"));
        runJob(instance, "StartFollowUp");

        assertThat(instance).isEnded().hasPassed("DeliveryConfirmed", "ReportDeliveredEnd");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("deliveryNote").singleResult().getValue()).isEqualTo("patient confirmed by phone");
        assertThat(commands.await(instance.getBusinessKey(), MessageType.DELIVER_REPORT, 1)).hasSize(1);

        Envelope late = publish(Cases.reportDelivered(instance.getBusinessKey()));
        awaitInboxStatus(late.id(), InboxStatus.DISCARDED);
    }
}
