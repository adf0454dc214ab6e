package org.consilium.bpmn.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consilium.events.NotificationPurpose;
import org.springframework.stereotype.Component;

/** Task <em>Notify MDT scheduled</em>: tells the contact when the panel meets, in their time zone. */
@Component
public class NotifyMdtScheduledAdapter implements JavaDelegate {
    private final CaseCommands commands;

    public NotifyMdtScheduledAdapter(CaseCommands commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseFile file = CaseFile.of(execution);
        commands.send(execution, file.notification(NotificationPurpose.MDT_SCHEDULED, CaseVariables.SESSION_STARTS_AT,
                CaseVariables.TIME_ZONE));
    }
}
