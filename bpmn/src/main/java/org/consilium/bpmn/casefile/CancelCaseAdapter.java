package org.consilium.bpmn.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consilium.events.CancelCase;
import org.springframework.stereotype.Component;

/**
 * Task <em>Cancel case</em>: every service with work in flight for the case stops it (one record per topic of
 * CancelCase), when the patient withdrew it or a coordinator declined it after a failed step.
 */
@Component
public class CancelCaseAdapter implements JavaDelegate {
    /** The patient's reason is her own words and stays with intake; the services only need to know why they stop. */
    static final String WITHDRAWN = "the case was withdrawn";
    static final String DECLINED = "the case was declined";
    private final CaseCommands commands;

    public CancelCaseAdapter(CaseCommands commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseFile file = CaseFile.of(execution);
        boolean declined = Boolean.TRUE.equals(file.value(CaseVariables.DECLINE_CASE));
        commands.send(execution, new CancelCase(file.caseId(), declined ? DECLINED : WITHDRAWN));
    }
}
