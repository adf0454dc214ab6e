package org.consilium.bpmn.bare;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.consilium.bpmn.inbox.CaseCorrelation;
import org.consilium.bpmn.inbox.EventVariables;
import org.consilium.bpmn.support.Cases;
import org.consilium.events.CaseMessage;
import org.consilium.events.MessageType;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * One whole routine case on the bare engine, the process tests' happy path (ProcessTestSupport.driveTo and
 * SecondOpinionCaseTest) without Kafka or the inbox: each event is correlated straight to the engine with the
 * variables the inbox would set (EventVariables, for the same example events), each coordinator's task is submitted
 * through its form as Tasklist would, and each asynchronous continuation is found by its activity and executed on
 * this thread (the job executor's work without its polling).
 */
record BareCase(ProcessEngine engine) {

    /** Drives the case from CaseSubmitted to its end; returns the process instance id. */
    String run(String caseId) {
        String instance = engine.getRuntimeService().createMessageCorrelation(MessageType.CASE_SUBMITTED.messageName())
                .processInstanceBusinessKey(caseId).setVariables(variables(Cases.breastRoutine(caseId)))
                .correlateStartMessage().getId();
        submit(instance, "ReviewIntake", Map.of("accepted", true));
        runJob(instance, "PublishCaseAccepted");
        runJob(instance, "RequestRecords");
        correlate(caseId, MessageType.RECORDS_COMPLETED, Cases.recordsCompleted(caseId));
        submit(instance, "VerifyDossier", Map.of("dossierVerified", true));
        runJob(instance, "ScheduleReview");
        correlate(caseId, MessageType.MDT_SCHEDULED, Cases.mdtScheduled(caseId));
        runJob(instance, "NotifyMdtScheduled");
        correlate(caseId, MessageType.MDT_CONCLUDED, Cases.mdtConcluded(caseId));
        correlate(caseId, MessageType.REPORT_RELEASED, Cases.reportReleased(caseId));
        runJob(instance, "DeliverReport");
        correlate(caseId, MessageType.REPORT_DELIVERED, Cases.reportDelivered(caseId));
        runJob(instance, "StartFollowUp");
        return instance;
    }

    /** Cases that reached "Report delivered" among those of the process (run after the timing: not part of it). */
    long delivered() {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("ReportDeliveredEnd")
                .finished().count();
    }

    long started() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(CaseCorrelation.PROCESS_KEY).count();
    }

    private void correlate(String caseId, MessageType type, CaseMessage event) {
        engine.getRuntimeService().createMessageCorrelation(type.messageName()).processInstanceBusinessKey(caseId)
                .setVariables(variables(event)).correlate();
    }

    private void submit(String instance, String taskKey, Map<String, Object> fields) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey)
                .singleResult();
        if (task == null) {
            throw new IllegalStateException("no task " + taskKey + " in " + instance);
        }
        engine.getFormService().submitTaskForm(task.getId(), fields);
    }

    private void runJob(String instance, String activityId) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).activityId(activityId)
                .singleResult();
        if (job == null) {
            throw new IllegalStateException("no job at " + activityId + " in " + instance);
        }
        engine.getManagementService().executeJob(job.getId());
    }

    private static Map<String, Object> variables(CaseMessage event) {
        return EventVariables.of(event, LocalDate.now(ZoneOffset.UTC));
    }
}
