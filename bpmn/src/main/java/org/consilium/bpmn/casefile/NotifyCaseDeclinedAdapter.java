package org.consilium.bpmn.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consilium.events.NotificationPurpose;
import org.springframework.stereotype.Component;

/** Task <em>Notify case declined</em>: tells the contact, with the reason. */
@Component
public class NotifyCaseDeclinedAdapter implements JavaDelegate {
    private final CaseCommands commands;

    public NotifyCaseDeclinedAdapter(CaseCommands commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseFile file = CaseFile.of(execution);
        commands.send(execution, file.notification(NotificationPurpose.CASE_DECLINED, CaseVariables.DECLINE_REASON));
    }
}
