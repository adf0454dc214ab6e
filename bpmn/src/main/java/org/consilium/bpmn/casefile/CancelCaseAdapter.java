package org.consilium.bpmn.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consilium.events.CancelCase;
import org.springframework.stereotype.Component;

/** Task <em>Cancel case</em>: every service with work in flight for the case stops it (one record per topic of CancelCase). */
@Component
public class CancelCaseAdapter implements JavaDelegate {
    /** The patient's reason is her own words and stays with intake; the services only need to know why they stop. */
    static final String WITHDRAWN = "the case was withdrawn";
    private final CaseCommands commands;

    public CancelCaseAdapter(CaseCommands commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseFile file = CaseFile.of(execution);
        commands.send(execution, new CancelCase(file.caseId(), WITHDRAWN));
    }
}
