package org.consilium.bpmn.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consilium.events.DeliverReport;
import org.springframework.stereotype.Component;

/**
 * Task <em>Deliver report</em>: the released version goes to the patient's side of the case, in the case's time
 * zone so that the report's date is the patient's date. The command names the case and the version only:
 * notification-service holds the people, the question and the released report (issue 11, ADR 15).
 */
@Component
public class DeliverReportAdapter implements JavaDelegate {
    private final CaseCommands commands;

    public DeliverReportAdapter(CaseCommands commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseFile file = CaseFile.of(execution);
        // The process waits for ReportReleased before this task: a missing version is a model error, an incident.
        if (!(file.value(CaseVariables.REPORT_VERSION) instanceof Integer version)) {
            throw new IllegalStateException("case " + file.caseId() + " has no released report version to deliver");
        }
        commands.send(execution, DeliverReport.of(file.caseId(), version, file.text(CaseVariables.TIME_ZONE)));
    }
}
