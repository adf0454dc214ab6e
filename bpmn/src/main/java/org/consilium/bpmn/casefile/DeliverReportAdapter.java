package org.consilium.bpmn.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consilium.events.DeliverReport;
import org.springframework.stereotype.Component;

/**
 * Task <em>Deliver report</em>: the approved report goes to the contact with the question and first opinion,
 * and the case's time zone, so that the report's date is the patient's date.
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
        commands.send(execution, new DeliverReport(file.caseId(), file.recipient(), file.text(CaseVariables.QUESTION_FOR_PANEL),
                file.text(CaseVariables.FIRST_OPINION), file.report(), file.text(CaseVariables.TIME_ZONE)));
    }
}
