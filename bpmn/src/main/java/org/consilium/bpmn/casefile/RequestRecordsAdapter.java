package org.consilium.bpmn.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consilium.bpmn.clock.CaseClock;
import org.consilium.events.RequestRecords;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Task <em>Request records</em>: records-service builds the checklist and collects until the deadline. */
@Component
public class RequestRecordsAdapter implements JavaDelegate {
    private final CaseCommands commands;
    private final CaseClock clock;

    public RequestRecordsAdapter(CaseCommands commands, CaseClock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseFile file = CaseFile.of(execution);
        Instant dueBy = Instant.now().plus(clock.recordsDeadline(file.urgency()));
        execution.setVariable(CaseVariables.RECORDS_DUE_BY, dueBy.toString());
        commands.send(execution, new RequestRecords(file.caseId(), file.cancerType(), file.urgency(), dueBy));
    }
}
