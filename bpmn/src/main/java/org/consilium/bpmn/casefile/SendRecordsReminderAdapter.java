package org.consilium.bpmn.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consilium.events.NotificationPurpose;
import org.springframework.stereotype.Component;

/** Task <em>Send records reminder</em>: records are still missing when the reminder timer fires. */
@Component
public class SendRecordsReminderAdapter implements JavaDelegate {
    private final CaseCommands commands;

    public SendRecordsReminderAdapter(CaseCommands commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseFile file = CaseFile.of(execution);
        commands.send(execution, file.notification(NotificationPurpose.RECORDS_REMINDER, CaseVariables.RECORDS_DUE_BY,
                CaseVariables.URGENCY));
    }
}
