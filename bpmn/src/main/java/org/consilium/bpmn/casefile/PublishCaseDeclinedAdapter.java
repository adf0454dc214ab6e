package org.consilium.bpmn.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consilium.events.CaseDeclined;

import java.time.Instant;
import org.springframework.stereotype.Component;

/** Task <em>Publish case declined</em>: the coordinator declined the case (out of scope). */
@Component
public class PublishCaseDeclinedAdapter implements JavaDelegate {
    private final CaseCommands commands;

    public PublishCaseDeclinedAdapter(CaseCommands commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseFile file = CaseFile.of(execution);
        commands.send(execution, new CaseDeclined(file.caseId(), file.text(CaseVariables.DECLINE_REASON), Instant.now()));
    }
}
