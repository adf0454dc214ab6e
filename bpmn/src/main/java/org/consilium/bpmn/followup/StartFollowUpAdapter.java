package org.consilium.bpmn.followup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.consilium.bpmn.casefile.CaseFile;
import org.consilium.bpmn.casefile.CaseVariables;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Task <em>Start follow-up</em> (asynchronous, at the end of a delivered case): starts the separate
 * process {@value #PROCESS_KEY} so that the case itself completes at delivery. Its business key is
 * {@code <caseId>}{@value #BUSINESS_KEY_SUFFIX}, not the case id: one case id keeps exactly one
 * instance of {@code second-opinion-case} in history (the inbox and the system test rely on it). A
 * retried job rolls the start back with everything else, so the follow-up starts once.
 */
@Component
public class StartFollowUpAdapter implements JavaDelegate {
    public static final String PROCESS_KEY = "case-follow-up";
    public static final String BUSINESS_KEY_SUFFIX = ":follow-up";

    public static String businessKey(String caseId) {
        return caseId + BUSINESS_KEY_SUFFIX;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseFile file = CaseFile.of(execution);
        Map<String, Object> variables = new HashMap<>();
        variables.put(CaseVariables.CASE_ID, file.caseId());
        // thin like the case: who to call and what was recommended are intake's and mdt-scheduler's to show
        for (String name : new String[] {CaseVariables.LANGUAGE, CaseVariables.TIME_ZONE, CaseVariables.URGENCY,
                CaseVariables.REPORT_VERSION, CaseVariables.REPORT_DELIVERED_AT, CaseVariables.DELIVERY_CONFIRMED}) {
            Object value = execution.getVariable(name);
            if (value != null) {
                variables.put(name, value);
            }
        }
        execution.getProcessEngineServices().getRuntimeService()
                .startProcessInstanceByKey(PROCESS_KEY, businessKey(file.caseId()), variables);
    }
}
