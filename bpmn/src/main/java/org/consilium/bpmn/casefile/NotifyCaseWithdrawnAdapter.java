package org.consilium.bpmn.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consilium.events.NotificationPurpose;
import org.springframework.stereotype.Component;

/** Task <em>Notify case withdrawn</em>: confirms the withdrawal to the contact. */
@Component
public class NotifyCaseWithdrawnAdapter implements JavaDelegate {
    private final CaseCommands commands;

    public NotifyCaseWithdrawnAdapter(CaseCommands commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseFile file = CaseFile.of(execution);
        commands.send(execution, file.notification(NotificationPurpose.CASE_WITHDRAWN, CaseVariables.WITHDRAWN_AT,
                CaseVariables.TIME_ZONE));
    }
}
