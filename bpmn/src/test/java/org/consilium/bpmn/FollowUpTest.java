package org.consilium.bpmn;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.consilium.bpmn.followup.StartFollowUpAdapter;
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

/** After delivery the case completes; its follow-up (a process of its own) asks about the decision 30 days later. */
class FollowUpTest extends ProcessTestSupport {

    @Test
    void caseCompletesAtDeliveryAndTheFollowUpAsksAboutTheDecision() {
        ProcessInstance followUp = deliveredCaseWithFollowUp();
        String caseId = (String) runtime.getVariable(followUp.getId(), "caseId");
        // one instance of the case in history under its case id, and it is COMPLETED (what the system test reads)
        HistoricProcessInstance theCase = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .singleResult();
        assertThat(theCase.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(theCase.getProcessDefinitionKey()).isEqualTo("second-opinion-case");

        assertThat(followUp).variables().containsEntry("reportVersion", 2).containsEntry("language", "ar")
                .doesNotContainKeys("contactEmail", "recommendation");
        assertThat(job(followUp, "DecisionDue").getDuedate().toInstant())
                .isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(Duration.ofMinutes(1)));
        runJob(followUp, "DecisionDue");
        assertThat(followUp).isWaitingAt("AskAboutDecision");
        assertThat(task(followUp, "AskAboutDecision").getName()).isEqualTo("Ask about the decision");
        submitForm(followUp, "AskAboutDecision", Map.of("decisionMade", true,
                "decisionNote", "breast-conserving surgery planned"));

        assertThat(followUp).isEnded().hasPassed("FollowUpDone");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(followUp.getId())
                .variableName("decisionNote").singleResult().getValue()).isEqualTo("breast-conserving surgery planned");
    }

    @Test
    void withdrawalAfterDeliveryEndsTheFollowUp() {
        ProcessInstance followUp = deliveredCaseWithFollowUp();
        String caseId = (String) runtime.getVariable(followUp.getId(), "caseId");

        Envelope withdrawn = publish(Cases.withdrawn(caseId));
        awaitInboxStatus(withdrawn.id(), InboxStatus.APPLIED);
        assertThat(followUp).isEnded().hasPassed("FollowUpCancelled").hasNotPassed("AskAboutDecision");
        assertThat(commands.records(caseId, MessageType.CANCEL_CASE)).isEmpty();
    }

    /** ADR 13: a step failing after delivery (a follow-up answer that cannot be sent) is the coordinators' task too. */
    @Test
    void aFailureAfterDeliveryIsAResolveTaskOnTheFollowUp() {
        ProcessInstance followUp = deliveredCaseWithFollowUp();
        String caseId = (String) runtime.getVariable(followUp.getId(), "caseId");

        publish(new org.consilium.events.CaseStepFailed(caseId, "notification-service", "SendNotification",
                "dead-lettered after its retries: MailSendException", null, Instant.now()));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                task(followUp, "ResolveFailedStep") != null);
        assertThat(followUp).isWaitingAt("DecisionDue", "ResolveFailedStep");
        // completed as over REST, with no variables at all: nothing to retry, the task just ends
        tasks.complete(task(followUp, "ResolveFailedStep").getId());
        assertThat(followUp).isWaitingAt("DecisionDue").hasPassed("FailedStepResolvedEnd");
    }

    private ProcessInstance deliveredCaseWithFollowUp() {
        ProcessInstance instance = driveTo("AwaitReportDelivered");
        String caseId = instance.getBusinessKey();
        publish(Cases.reportDelivered(caseId));
        awaitWaitingAt(instance, "StartFollowUp");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(StartFollowUpAdapter.PROCESS_KEY)
                .processInstanceBusinessKey(StartFollowUpAdapter.businessKey(caseId)).count()).isZero();
        runJob(instance, "StartFollowUp");
        assertThat(instance).isEnded().hasPassed("ReportDeliveredEnd");

        ProcessInstance followUp = runtime.createProcessInstanceQuery().processDefinitionKey(StartFollowUpAdapter.PROCESS_KEY)
                .processInstanceBusinessKey(StartFollowUpAdapter.businessKey(caseId)).singleResult();
        assertThat(followUp).isNotNull().isWaitingAt("DecisionDue");
        return followUp;
    }
}
