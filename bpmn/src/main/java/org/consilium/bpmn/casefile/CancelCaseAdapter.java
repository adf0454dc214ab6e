package org.consilium.bpmn.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consilium.events.CancelCase;
import org.springframework.stereotype.Component;

/** Task <em>Cancel case</em>: every service with work in flight for the case stops it (one record per topic of CancelCase). */
@Component
public class CancelCaseAdapter implements JavaDelegate {
    private final CaseCommands commands;

    public CancelCaseAdapter(CaseCommands commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseFile file = CaseFile.of(execution);
        commands.send(execution, new CancelCase(file.caseId(), file.text(CaseVariables.WITHDRAWAL_REASON)));
    }
}
