package org.consilium.bpmn.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consilium.events.ConsentChanged;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.NotificationAudience;
import org.consilium.events.SendNotification;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Task <em>Send records reminder</em>: records are still missing when the reminder timer fires. The
 * reminder names what is missing, as records-service last reported it (RecordsIncomplete), by checklist
 * item code only: parameter {@code missing} = the missing items' codes, {@code stale} = the codes of items
 * sent but out of date, each joined with ", "; notification-service titles them in the reader's language
 * (no wording lives in the engine). {@code dueBy} = the records deadline (an instant), {@code timeZone} =
 * the case's zone, so the deadline reads in the patient's local time.
 * The current doctor gets the same request, in a clinician's wording, only while the patient's
 * consent to contacting them is in force (it can be withdrawn at any time: ConsentChanged). The doctor's
 * own zone is not known: the patient's is the best guess for a doctor treating them. Both commands name a
 * role, not a person: notification-service knows who the patient's side and the doctor are.
 */
@Component
public class SendRecordsReminderAdapter implements JavaDelegate {
    static final String MISSING = "missing";
    static final String STALE = "stale";
    static final String DUE_BY = "dueBy";

    private final CaseCommands commands;

    public SendRecordsReminderAdapter(CaseCommands commands) {
        this.commands = commands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseFile file = CaseFile.of(execution);
        SendNotification base = file.notification(NotificationPurpose.RECORDS_REMINDER, CaseVariables.URGENCY,
                CaseVariables.TIME_ZONE);
        Map<String, String> parameters = new LinkedHashMap<>(base.parameters());
        codes(file, CaseVariables.MISSING_ITEMS).ifPresent(missing -> parameters.put(MISSING, missing));
        codes(file, CaseVariables.STALE_ITEMS).ifPresent(stale -> parameters.put(STALE, stale));
        String dueBy = file.text(CaseVariables.RECORDS_DUE_BY);
        if (dueBy != null) {
            parameters.put(DUE_BY, dueBy);
        }
        commands.send(execution, SendNotification.to(base.caseId(), base.audience(), base.purpose(), parameters));
        if (mayWriteToDoctor(file)) {
            commands.send(execution, SendNotification.to(base.caseId(), NotificationAudience.CURRENT_DOCTOR,
                    NotificationPurpose.RECORDS_REQUEST_TO_DOCTOR, parameters));
        }
    }

    /** A doctor named at intake (only with consent), and the consent still in force. */
    static boolean mayWriteToDoctor(CaseFile file) {
        return Boolean.TRUE.equals(file.value(CaseVariables.consentFor(ConsentChanged.CONTACT_CURRENT_DOCTOR)))
                && Boolean.TRUE.equals(file.value(CaseVariables.CURRENT_DOCTOR_KNOWN));
    }

    /** The item codes a list variable holds, joined with ", "; empty when there are none. */
    static Optional<String> codes(CaseFile file, String variable) {
        List<String> codes = CaseFile.split(file.text(variable), CaseVariables.LIST_SEPARATOR);
        return codes.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", codes));
    }
}
