package org.consilium.bpmn.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consilium.events.ConsentChanged;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.Recipient;
import org.consilium.events.SendNotification;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Task <em>Send records reminder</em>: records are still missing when the reminder timer fires. The
 * reminder names what is missing, as records-service last reported it (RecordsIncomplete): parameter
 * {@code missing} = the missing items, then the stale ones marked "(out of date)", joined with "; "
 * (notification-service splits on commas and semicolons); {@code dueBy} = the records deadline.
 * The current doctor gets the same request, in a clinician's wording, only while the patient's
 * consent to contacting them is in force (it can be withdrawn at any time: ConsentChanged).
 */
@Component
public class SendRecordsReminderAdapter implements JavaDelegate {
    static final String MISSING = "missing";
    static final String DUE_BY = "dueBy";
    static final String STALE_MARK = " (out of date)";

    private final CaseCommands commands;

    public SendRecordsReminderAdapter(CaseCommands commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseFile file = CaseFile.of(execution);
        SendNotification base = file.notification(NotificationPurpose.RECORDS_REMINDER, CaseVariables.URGENCY);
        Map<String, String> parameters = new LinkedHashMap<>(base.parameters());
        String missing = missing(file);
        if (!missing.isEmpty()) {
            parameters.put(MISSING, missing);
        }
        String dueBy = file.text(CaseVariables.RECORDS_DUE_BY);
        if (dueBy != null) {
            parameters.put(DUE_BY, dueBy);
        }
        commands.send(execution, new SendNotification(base.caseId(), base.recipient(), base.purpose(), parameters));
        currentDoctor(file).ifPresent(doctor -> commands.send(execution, new SendNotification(base.caseId(), doctor,
                NotificationPurpose.RECORDS_REQUEST_TO_DOCTOR, parameters)));
    }

    /** The doctor to write to: named at intake (only with consent) and the consent still in force. */
    static Optional<Recipient> currentDoctor(CaseFile file) {
        boolean consent = Boolean.TRUE.equals(file.value(CaseVariables.consentFor(ConsentChanged.CONTACT_CURRENT_DOCTOR)));
        String email = file.text(CaseVariables.CURRENT_DOCTOR_EMAIL);
        return consent && email != null
                ? Optional.of(new Recipient(file.text(CaseVariables.CURRENT_DOCTOR_NAME), email,
                        file.text(CaseVariables.CURRENT_DOCTOR_LANGUAGE)))
                : Optional.empty();
    }

    static String missing(CaseFile file) {
        List<String> items = new ArrayList<>(CaseFile.split(file.text(CaseVariables.MISSING_ITEMS),
                CaseVariables.LIST_SEPARATOR));
        CaseFile.split(file.text(CaseVariables.STALE_ITEMS), CaseVariables.LIST_SEPARATOR)
                .forEach(stale -> items.add(stale + STALE_MARK));
        return String.join("; ", items);
    }
}
