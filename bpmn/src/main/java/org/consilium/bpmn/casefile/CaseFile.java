package org.consilium.bpmn.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.consilium.bpmn.triage.PanelDisciplines;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.NotificationAudience;
import org.consilium.events.SendNotification;
import org.consilium.events.Urgency;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.consilium.bpmn.casefile.CaseVariables.CASE_ID;
import static org.consilium.bpmn.casefile.CaseVariables.DISCIPLINES;
import static org.consilium.bpmn.casefile.CaseVariables.LANGUAGES;
import static org.consilium.bpmn.casefile.CaseVariables.LIST_SEPARATOR;
import static org.consilium.bpmn.casefile.CaseVariables.URGENCY;
import static org.consilium.bpmn.casefile.CaseVariables.CANCER_TYPE;

/** The case as the process holds it: typed reads of the process variables for the adapters. */
public final class CaseFile {
    private final DelegateExecution execution;

    private CaseFile(DelegateExecution execution) {
        this.execution = execution;
    }

    public static CaseFile of(DelegateExecution execution) {
        return new CaseFile(execution);
    }

    public String caseId() {
        String caseId = text(CASE_ID);
        return caseId != null ? caseId : execution.getProcessBusinessKey();
    }

    public String cancerType() {
        return text(CANCER_TYPE);
    }

    public Urgency urgency() {
        String urgency = text(URGENCY);
        return urgency == null ? Urgency.ROUTINE : Urgency.valueOf(urgency);
    }

    public List<String> disciplines() {
        return PanelDisciplines.split(text(DISCIPLINES));
    }

    public List<String> languages() {
        return split(text(LANGUAGES), LIST_SEPARATOR);
    }

    /**
     * A notification to the patient's side of the case (the patient, and the caregiver acting for her): the engine
     * names the role, notification-service the people. Its parameters are the named variables that have a value.
     */
    public SendNotification notification(NotificationPurpose purpose, String... parameterVariables) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : parameterVariables) {
            String value = text(name);
            if (value != null) {
                parameters.put(name, value);
            }
        }
        return SendNotification.to(caseId(), NotificationAudience.PATIENT_SIDE, purpose, parameters);
    }

    public String text(String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }

    public Object value(String name) {
        return execution.getVariable(name);
    }

    static List<String> split(String joined, String separator) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(Pattern.quote(separator))).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
    }
}
