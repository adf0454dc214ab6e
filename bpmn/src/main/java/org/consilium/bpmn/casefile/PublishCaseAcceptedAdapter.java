package org.consilium.bpmn.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consilium.events.CaseAccepted;

import java.time.Instant;
import org.springframework.stereotype.Component;

/** Task <em>Publish case accepted</em>: the coordinator accepted the case after triage. */
@Component
public class PublishCaseAcceptedAdapter implements JavaDelegate {
    private final CaseCommands commands;

    public PublishCaseAcceptedAdapter(CaseCommands commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseFile file = CaseFile.of(execution);
        commands.send(execution, new CaseAccepted(file.caseId(), file.urgency(), file.disciplines(), Instant.now()));
    }
}
