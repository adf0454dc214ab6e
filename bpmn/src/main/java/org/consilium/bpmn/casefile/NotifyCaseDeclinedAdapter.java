package org.consilium.bpmn.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consilium.events.NotificationAudience;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.SendNotification;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Task <em>Notify case declined</em>: tells the contact, with the reason. */
@Component
public class NotifyCaseDeclinedAdapter implements JavaDelegate {
    static final String REASON = "reason";
    private final CaseCommands commands;

    public NotifyCaseDeclinedAdapter(CaseCommands commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseFile file = CaseFile.of(execution);
        String reason = file.text(CaseVariables.DECLINE_REASON);
        // the template reads "reason": sent as the form's "declineReason" it never reached the patient
        commands.send(execution, SendNotification.to(file.caseId(), NotificationAudience.PATIENT_SIDE,
                NotificationPurpose.CASE_DECLINED, reason == null ? Map.of() : Map.of(REASON, reason)));
    }
}
