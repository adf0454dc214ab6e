package org.consilium.bpmn.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.PanelMember;
import org.consilium.events.Recipient;
import org.consilium.events.SendNotification;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Task <em>Notify MDT scheduled</em>: tells the contact when the panel meets, in their time zone,
 * and invites every panel member with an address, in theirs (notification-service attaches the
 * .ics entry). Each is its own command with its own id (CaseCommands counts the sends).
 */
@Component
public class NotifyMdtScheduledAdapter implements JavaDelegate {
    /** The panel works in English. */
    static final String INVITATION_LANGUAGE = "en";
    private final CaseCommands commands;

    public NotifyMdtScheduledAdapter(CaseCommands commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseFile file = CaseFile.of(execution);
        commands.send(execution, file.notification(NotificationPurpose.MDT_SCHEDULED, CaseVariables.SESSION_STARTS_AT,
                CaseVariables.TIME_ZONE));
        for (PanelMember member : panel(file)) {
            if (member.email() == null || member.email().isBlank()) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put(CaseVariables.SESSION_STARTS_AT, file.text(CaseVariables.SESSION_STARTS_AT));
            parameters.put(CaseVariables.SESSION_ID, file.text(CaseVariables.SESSION_ID));
            parameters.put(CaseVariables.TIME_ZONE, member.timeZone());
            parameters.put("discipline", member.discipline());
            parameters.put("role", member.chair() ? "chair" : "member");
            parameters.values().removeIf(java.util.Objects::isNull);
            commands.send(execution, new SendNotification(file.caseId(),
                    new Recipient(member.name(), member.email(), INVITATION_LANGUAGE), NotificationPurpose.MDT_INVITATION,
                    parameters));
        }
    }

    static List<PanelMember> panel(CaseFile file) {
        return file.json(CaseVariables.PANEL_MEMBERS, PanelMember[].class).map(List::of).orElse(List.of());
    }
}
