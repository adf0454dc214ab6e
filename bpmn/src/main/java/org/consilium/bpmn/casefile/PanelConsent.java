package org.consilium.bpmn.casefile;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.consilium.events.ConsentChanged;
import org.springframework.stereotype.Component;

/**
 * {@code ${panelConsent.given(execution)}}: whether the patient's consent lets a panel review the
 * case: sharing the records with the panel and transferring them across borders (the panel is
 * international). A purpose never reported (a case from before consents were announced) counts as
 * given; refused or withdrawn does not, and the process then waits for the consent.
 */
@Component("panelConsent")
public class PanelConsent {

    public boolean given(VariableScope execution) {
        return !refused(execution, ConsentChanged.SHARE_WITH_PANEL)
                && !refused(execution, ConsentChanged.CROSS_BORDER_TRANSFER);
    }

    private static boolean refused(VariableScope execution, String purpose) {
        return Boolean.FALSE.equals(execution.getVariable(CaseVariables.consentFor(purpose)));
    }
}
