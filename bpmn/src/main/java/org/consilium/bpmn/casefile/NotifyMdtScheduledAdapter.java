package org.consilium.bpmn.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consilium.events.NotificationPurpose;
import org.springframework.stereotype.Component;

/**
 * Task <em>Notify MDT scheduled</em>: tells the patient's side when the panel meets, in the case's time zone
 * (notification-service attaches the .ics entry). The panel's own invitations are mdt-scheduler's to send, in
 * the save that schedules the review: it knows the members, the engine does not (issue 11).
 */
@Component
public class NotifyMdtScheduledAdapter implements JavaDelegate {
    private final CaseCommands commands;

    public NotifyMdtScheduledAdapter(CaseCommands commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        commands.send(execution, CaseFile.of(execution).notification(NotificationPurpose.MDT_SCHEDULED,
                CaseVariables.SESSION_STARTS_AT, CaseVariables.TIME_ZONE));
    }
}
